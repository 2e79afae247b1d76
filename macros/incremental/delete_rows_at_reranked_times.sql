{#-
    pre-hook of an incremental model without a key of its own whose rows carry their request's
    time (`time_column`): delete its rows at the request times of the request ids ranked again
    since its watermark; the batch then inserts every row at those times as it is now. Runs in
    the model's transaction; nothing to do on a full build.
-#}
{% macro delete_rows_at_reranked_times(copy_times_relation, time_column) -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where {{ time_column }} in (
            {{ inference_tables.reranked_request_times(copy_times_relation) }}
        )
    {%- endif -%}
{%- endmacro %}
