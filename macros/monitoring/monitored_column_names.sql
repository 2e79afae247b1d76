{#- Rows (column_name) of the monitored columns; no row for an empty list. -#}
{% macro monitored_column_names(columns) -%}
    {%- for column in columns %}
    select '{{ column }}' as column_name
    {{- ' union all' if not loop.last }}
    {%- else %}
    select cast(null as {{ inference_tables.data_type('string') }}) as column_name where false
    {%- endfor %}
{%- endmacro %}

{#- SQL condition: `column_name` (an expression) is one of `columns`; false for no column. -#}
{% macro is_one_of_columns(column_name, columns) -%}
    {%- if columns -%}
        {{ column_name }} in (
            {%- for column in columns -%}
                {{ inference_tables.string_literal(column) }}{{ ', ' if not loop.last }}
            {%- endfor -%}
        )
    {%- else -%}
        false
    {%- endif -%}
{%- endmacro %}
