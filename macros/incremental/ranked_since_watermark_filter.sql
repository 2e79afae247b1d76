{#-
    A `where` clause keeping, on an incremental run, the rows of a model with `ranked_in_load`
    (int_payload_rows) ranked again since the current model's watermark: the rows of the
    request ids a load touched. Those rows sit at the end of the table, so DuckDB reads them
    without scanning the rest. Nothing on a full build.
-#}
{% macro ranked_since_watermark_filter() -%}
    {%- if is_incremental() -%}
        where ranked_in_load > {{ inference_tables.load_watermark() }}
    {%- endif -%}
{%- endmacro %}
