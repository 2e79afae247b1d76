{#-
    pre-hook of an incremental model without a key of its own whose rows carry their feedback
    request's time (`time_column`): delete its rows at the reassessed request times; the batch
    then inserts every row at those times as it is now. Runs in the model's transaction;
    nothing to do on a full build.
-#}
{% macro delete_rows_at_reassessed_times(pairs_relation, time_column) -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where {{ time_column }} in (
            {{ inference_tables.reassessed_values(pairs_relation, 'request_time') }}
        )
    {%- endif -%}
{%- endmacro %}
