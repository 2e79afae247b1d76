{#- Length of a string in UTF-8 bytes (not characters). -#}
{% macro utf8_byte_length(text) -%}
    {{ return(adapter.dispatch('utf8_byte_length', 'inference_tables')(text)) }}
{%- endmacro %}

{% macro spark__utf8_byte_length(text) -%}
    octet_length({{ text }})
{%- endmacro %}

{% macro duckdb__utf8_byte_length(text) -%}
    strlen({{ text }})
{%- endmacro %}

{% macro default__utf8_byte_length(text) -%}
    {{ inference_tables.unsupported_adapter('utf8_byte_length') }}
{%- endmacro %}
