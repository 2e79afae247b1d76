{#-
    pre-hook of incremental models keyed by request id whose batch can lose a row (a request
    whose new first copy is review-app feedback leaves the request logs): delete the rows of
    every request id ranked again since the model's watermark; the batch then inserts what
    they are now. Runs in the model's transaction; nothing to do on a full build.
-#}
{% macro delete_reranked_requests(copies_relation) -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where databricks_request_id in (
            {{ inference_tables.reranked_request_ids(copies_relation) }}
        )
    {%- endif -%}
{%- endmacro %}
