{#-
    True when a JSON value is an array whose elements are all of `kind` ('string' or 'object',
    as json_kind names them); an empty array is. False (never NULL) for anything else.
-#}
{% macro json_is_array_of(value, kind) -%}
    {%- if kind not in ('string', 'object') -%}
        {{ exceptions.raise_compiler_error("json_is_array_of: kind must be 'string' or 'object', got " ~ kind) }}
    {%- endif -%}
    {{ return(adapter.dispatch('json_is_array_of', 'inference_tables')(value, kind)) }}
{%- endmacro %}

{% macro default__json_is_array_of(value, kind) -%}
    {{ inference_tables.unsupported_adapter('json_is_array_of') }}
{%- endmacro %}

{% macro duckdb__json_is_array_of(value, kind) -%}
    {%- set json_type = {'string': 'VARCHAR', 'object': 'OBJECT'}[kind] -%}
    coalesce(
        json_type({{ value }}) = 'ARRAY'
        and list_has_all(['{{ json_type }}'], json_type({{ value }}, '$[*]')),
        false
    )
{%- endmacro %}

{% macro spark__json_is_array_of(value, kind) -%}
    coalesce(
        {{ inference_tables.json_kind(value) }} = 'array'
        and forall(
            try_variant_get({{ value }}, '$', 'array<variant>'),
            element -> {{ inference_tables.json_kind('element') }} = '{{ kind }}'
        ),
        false
    )
{%- endmacro %}
