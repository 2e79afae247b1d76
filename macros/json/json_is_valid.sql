{% macro json_is_valid(text) -%}
    {{ return(adapter.dispatch('json_is_valid', 'inference_tables')(text)) }}
{%- endmacro %}

{% macro default__json_is_valid(text) -%}
    coalesce(json_valid({{ text }}), false)
{%- endmacro %}
