{#- The type of a profile's `frequent_items`: a list of (item, count). -#}
{% macro frequent_items_type() -%}
    {{ inference_tables.data_type([{'item': 'string', 'count': 'bigint'}]) }}
{%- endmacro %}
