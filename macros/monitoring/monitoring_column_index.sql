{#- The 0-based position of the column named by `column_name` (a SQL expression) in `columns`
    (NULL for another name): with a pair's number, it numbers a pair's series of values. -#}
{% macro monitoring_column_index(column_name, columns) -%}
    case {{ column_name }}
        {%- for column in columns %}
        when '{{ column }}' then {{ loop.index0 }}
        {%- endfor %}
    end
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
