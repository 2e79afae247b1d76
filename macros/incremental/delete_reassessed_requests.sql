{#-
    pre-hook of `latest_assessments`: delete the rows of the reassessed requests
    (reassessed_values of request_id); the batch then inserts what their latest assessments are now.
    Runs in the model's transaction; nothing to do on a full build.
-#}
{% macro delete_reassessed_requests(pairs_relation) -%}
    {%- if is_incremental() -%}
        delete from {{ this }} as held
        where {{ inference_tables.is_reassessed_request('held', pairs_relation) }}
    {%- endif -%}
{%- endmacro %}
