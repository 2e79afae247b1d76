{#- True when a JSON value is an object whose values are all strings or null. -#}
{% macro json_is_string_object(value) -%}
    {{ return(adapter.dispatch('json_is_string_object', 'inference_tables')(value)) }}
{%- endmacro %}

{% macro duckdb__json_is_string_object(value) -%}
    (
        json_type({{ value }}) = 'OBJECT'
        and list_has_all(['VARCHAR', 'NULL'], json_type({{ value }}, '$.*'))
    )
{%- endmacro %}

{% macro spark__json_is_string_object(value) -%}
    coalesce(
        {{ inference_tables.json_kind(value) }} = 'object'
        and forall(
            map_values(try_variant_get({{ value }}, '$', 'map<string, variant>')),
            element -> schema_of_variant(element) in ('STRING', 'VOID')
        ),
        false
    )
{%- endmacro %}

{% macro default__json_is_string_object(value) -%}
    {{ inference_tables.unsupported_adapter('json_is_string_object') }}
{%- endmacro %}
