{#-
    The last load id the current model has taken in (0 before its first run). An incremental
    batch is every upstream row of a later load. When the model runs, the value is read and
    written into the SQL as a number: DuckDB then skips the row groups of older loads (it
    cannot with a subquery there, and scanned every table whole).
-#}
{% macro load_watermark() -%}
    {%- set watermark_sql -%}
        select coalesce(max(load_id), 0)
        from {{ inference_tables.load_watermarks_relation() }}
        where model_name = '{{ this.identifier }}'
    {%- endset -%}
    {%- if execute -%}
        {{- run_query(watermark_sql).columns[0].values()[0] | int -}}
    {%- else -%}
        ({{ watermark_sql }})
    {%- endif -%}
{%- endmacro %}
