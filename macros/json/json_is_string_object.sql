{#- True when a JSON value is an object whose values are all strings or null. -#}
{% macro json_is_string_object(value) -%}
    {{ return(adapter.dispatch('json_is_string_object', 'inference_tables')(value)) }}
{%- endmacro %}

{% macro default__json_is_string_object(value) -%}
    (
        json_type({{ value }}) = 'OBJECT'
        and list_has_all(['VARCHAR', 'NULL'], json_type({{ value }}, '$.*'))
    )
{%- endmacro %}
