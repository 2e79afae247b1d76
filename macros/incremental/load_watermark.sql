{#-
    SQL for the last load id the current model has taken in (0 before its first run). An
    incremental batch is every upstream row of a later load.
-#}
{% macro load_watermark() -%}
    (
        select coalesce(max(load_id), 0)
        from {{ inference_tables.load_watermarks_relation() }}
        where model_name = '{{ this.identifier }}'
    )
{%- endmacro %}
