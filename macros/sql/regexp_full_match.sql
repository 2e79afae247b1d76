{#- True when the whole of `text` matches `pattern` (a regular expression literal). -#}
{% macro regexp_full_match(text, pattern) -%}
    {{ return(adapter.dispatch('regexp_full_match', 'inference_tables')(text, pattern)) }}
{%- endmacro %}

{% macro duckdb__regexp_full_match(text, pattern) -%}
    regexp_full_match({{ text }}, '{{ pattern }}')
{%- endmacro %}

{% macro spark__regexp_full_match(text, pattern) -%}
    ({{ text }} rlike '^(?:{{ pattern }})$')
{%- endmacro %}

{% macro default__regexp_full_match(text, pattern) -%}
    {{ inference_tables.unsupported_adapter('regexp_full_match') }}
{%- endmacro %}
