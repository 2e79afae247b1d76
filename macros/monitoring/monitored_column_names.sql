{#- Rows (column_name, column_index: its 0-based position) of the monitored columns; no row
    for an empty list. -#}
{% macro monitored_column_names(columns) -%}
    {%- for column in columns %}
    select '{{ column }}' as column_name, {{ loop.index0 }} as column_index
    {{- ' union all' if not loop.last }}
    {%- else %}
    select
        cast(null as {{ inference_tables.data_type('string') }}) as column_name,
        cast(null as integer) as column_index
    where false
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
