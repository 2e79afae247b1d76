{#- Rows (column_name) of the monitored columns; no row for an empty list. -#}
{% macro monitored_column_names(columns) -%}
    {%- for column in columns %}
    select '{{ column }}' as column_name
    {{- ' union all' if not loop.last }}
    {%- else %}
    select cast(null as {{ inference_tables.data_type('string') }}) as column_name where false
    {%- endfor %}
{%- endmacro %}
