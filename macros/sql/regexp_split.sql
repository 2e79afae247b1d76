{#- A string split at every match of `pattern` (a regular expression, written once for every engine). -#}
{% macro regexp_split(text, pattern) -%}
    {{ return(adapter.dispatch('regexp_split', 'inference_tables')(text, pattern)) }}
{%- endmacro %}

{% macro default__regexp_split(text, pattern) -%}
    {{ inference_tables.unsupported_adapter('regexp_split') }}
{%- endmacro %}

{% macro duckdb__regexp_split(text, pattern) -%}
    regexp_split_to_array({{ text }}, '{{ pattern }}')
{%- endmacro %}

{% macro spark__regexp_split(text, pattern) -%}
    split({{ text }}, '{{ pattern | replace('\\', '\\\\') }}')
{%- endmacro %}
