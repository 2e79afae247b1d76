{#- A JSON array of strings as a list of strings (an empty list for NULL). -#}
{% macro json_string_array(value) -%}
    {{ return(adapter.dispatch('json_string_array', 'inference_tables')(value)) }}
{%- endmacro %}

{% macro duckdb__json_string_array(value) -%}
    coalesce(json_extract_string({{ value }}, '$[*]'), cast([] as varchar[]))
{%- endmacro %}

{% macro spark__json_string_array(value) -%}
    coalesce(
        transform(
            try_variant_get({{ value }}, '$', 'array<variant>'),
            element -> {{ inference_tables.json_text('element') }}
        ),
        cast(array() as array<string>)
    )
{%- endmacro %}

{% macro default__json_string_array(value) -%}
    {{ inference_tables.unsupported_adapter('json_string_array') }}
{%- endmacro %}
