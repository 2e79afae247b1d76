{#- A SQL string literal holding `value` (a Python string) exactly: a quote is just a character. -#}
{% macro string_literal(value) -%}
    {{ return(adapter.dispatch('string_literal', 'inference_tables')(value)) }}
{%- endmacro %}

{% macro default__string_literal(value) -%}
    {{ inference_tables.unsupported_adapter('string_literal') }}
{%- endmacro %}

{% macro duckdb__string_literal(value) -%}
    '{{ value | string | replace("'", "''") }}'
{%- endmacro %}

{% macro spark__string_literal(value) -%}
    {#- Spark reads backslash escapes in literals: a backslash and a quote are escaped. #}
    '{{ value | string | replace("\\", "\\\\") | replace("'", "\\'") }}'
{%- endmacro %}
