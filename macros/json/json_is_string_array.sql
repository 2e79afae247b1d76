{#- True when a JSON value is an array whose elements are all strings (an empty array is). -#}
{% macro json_is_string_array(value) -%}
    {{ return(adapter.dispatch('json_is_string_array', 'inference_tables')(value)) }}
{%- endmacro %}

{% macro default__json_is_string_array(value) -%}
    (json_type({{ value }}) = 'ARRAY' and list_has_all(['VARCHAR'], json_type({{ value }}, '$[*]')))
{%- endmacro %}
