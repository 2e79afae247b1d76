{#- An integer naming the series of one column's values in one sample or pair: `number` (a
    SQL expression: sample_id, pair_id) times the number of `columns`, plus the position of
    `column_name` (a SQL expression) among them (monitoring_column_index). NULL for a name not
    in `columns`. -#}
{% macro monitoring_series_id(number, column_name, columns) -%}
    {{ number }} * {{ columns | length }}
    + {{ inference_tables.monitoring_column_index(column_name, columns) }}
{%- endmacro %}
