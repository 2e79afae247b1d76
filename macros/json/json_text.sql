{#-
    The text of a JSON value: a string's content unescaped, any other value as compact JSON
    (`{"a":1}`, `[1,2]`, `42`, `true`); NULL for SQL NULL / JSON null.
-#}
{% macro json_text(value) -%}
    {{ return(adapter.dispatch('json_text', 'inference_tables')(value)) }}
{%- endmacro %}

{% macro duckdb__json_text(value) -%}
    ({{ value }} ->> '$')
{%- endmacro %}

{% macro spark__json_text(value) -%}
    case
        when {{ inference_tables.json_kind(value) }} = 'string'
            then variant_get({{ value }}, '$', 'string')
        when not is_variant_null({{ value }}) then to_json({{ value }})
    end
{%- endmacro %}

{% macro default__json_text(value) -%}
    {{ inference_tables.unsupported_adapter('json_text') }}
{%- endmacro %}
