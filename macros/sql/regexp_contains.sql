{#- True when `pattern` (a regular expression, written once for every engine) matches part of `text`. -#}
{% macro regexp_contains(text, pattern) -%}
    {{ return(adapter.dispatch('regexp_contains', 'inference_tables')(text, pattern)) }}
{%- endmacro %}

{% macro default__regexp_contains(text, pattern) -%}
    {{ inference_tables.unsupported_adapter('regexp_contains') }}
{%- endmacro %}

{% macro duckdb__regexp_contains(text, pattern) -%}
    regexp_matches({{ text }}, '{{ pattern }}')
{%- endmacro %}

{% macro spark__regexp_contains(text, pattern) -%}
    {#- Spark reads backslash escapes in string literals: double them to reach the regex. #}
    ({{ text }} rlike '{{ pattern | replace('\\', '\\\\') }}')
{%- endmacro %}
