{#-
    SQL of the values of `columns` in the rows of `slice_rows` (a CTE from
    monitoring_slice_rows), one row per row and column: the `keys` of the row (e.g. its
    sample_id), column_index (the column's position in `columns`, which
    monitoring_column_name turns back into its name) and value, cast to `value_type` (a
    data_type structure name). No row for an empty list of columns. An integer rather than
    the name: counting by it is twice as fast (a smaller hash key).
-#}
{% macro monitoring_column_values(slice_rows, columns, value_type, keys) -%}
    {%- set sql_type = inference_tables.data_type(value_type) -%}
    select
        {%- for key in keys %}
        {{ slice_rows }}.{{ key }},
        {%- endfor %}
        column_names.column_index,
        {% if columns -%}
        case column_names.column_index
            {%- for column in columns %}
            when {{ loop.index0 }} then cast({{ slice_rows }}.{{ column }} as {{ sql_type }})
            {%- endfor %}
        end
        {%- else -%}
        cast(null as {{ sql_type }})
        {%- endif %} as value
    from {{ slice_rows }}
    cross join ({{ inference_tables.monitored_column_names(columns) }}) as column_names
{%- endmacro %}
