{#- The 0-based position of the column named by `column_name` (a SQL expression) in `columns`
    (NULL for another name, or when `columns` is empty): with a pair's or a sample's number,
    it numbers a series of values. -#}
{% macro monitoring_column_index(column_name, columns) -%}
    {%- if columns -%}
    case {{ column_name }}
        {%- for column in columns %}
        when '{{ column }}' then {{ loop.index0 }}
        {%- endfor %}
    end
    {%- else -%}
    cast(null as {{ inference_tables.data_type('integer') }})
    {%- endif -%}
{%- endmacro %}

{#- The name of the column at the 0-based position `column_index` (a SQL expression) in
    `columns`: the inverse of monitoring_column_index. -#}
{% macro monitoring_column_name(column_index, columns) -%}
    {%- if columns -%}
    case {{ column_index }}
        {%- for column in columns %}
        when {{ loop.index0 }} then '{{ column }}'
        {%- endfor %}
    end
    {%- else -%}
    cast(null as {{ inference_tables.data_type('string') }})
    {%- endif -%}
{%- endmacro %}
