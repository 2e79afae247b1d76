{#- True when a JSON value is an array whose elements are all strings (an empty array is). -#}
{% macro json_is_string_array(value) -%}
    {{ return(adapter.dispatch('json_is_string_array', 'inference_tables')(value)) }}
{%- endmacro %}

{% macro default__json_is_string_array(value) -%}
    (json_type({{ value }}) = 'ARRAY' and list_has_all(['VARCHAR'], json_type({{ value }}, '$[*]')))
{%- endmacro %}

{% macro spark__json_is_string_array(value) -%}
    coalesce(
        {{ inference_tables.json_kind(value) }} = 'array'
        and forall(
            variant_get({{ value }}, '$', 'array<variant>'),
            element -> schema_of_variant(element) = 'STRING'
        ),
        false
    )
{%- endmacro %}
