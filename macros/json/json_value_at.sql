{#- The JSON value at `path` (e.g. '$.a.b', '$."dotted.key"') of a JSON value; NULL when absent. -#}
{% macro json_value_at(value, path) -%}
    {{ return(adapter.dispatch('json_value_at', 'inference_tables')(value, path)) }}
{%- endmacro %}

{% macro default__json_value_at(value, path) -%}
    json_extract({{ value }}, '{{ path }}')
{%- endmacro %}
