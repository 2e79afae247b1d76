{#- The 0-based position of the column named by `column_name` (a SQL expression) in `columns`
    (NULL for another name): with a pair's number, it numbers a pair's series of values. -#}
{% macro monitoring_column_index(column_name, columns) -%}
    case {{ column_name }}
        {%- for column in columns %}
        when '{{ column }}' then {{ loop.index0 }}
        {%- endfor %}
    end
{%- endmacro %}
