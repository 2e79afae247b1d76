{#- The elements of a JSON array value as a list of JSON values (NULL when not an array). -#}
{% macro json_array_elements(value) -%}
    {{ return(adapter.dispatch('json_array_elements', 'inference_tables')(value)) }}
{%- endmacro %}

{% macro default__json_array_elements(value) -%}
    case when json_type({{ value }}) = 'ARRAY' then json_extract({{ value }}, '$[*]') end
{%- endmacro %}
