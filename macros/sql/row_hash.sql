{#- A 64-bit hash of several values together; equal values give equal hashes (NULLs included). -#}
{% macro row_hash(expressions) -%}
    {{ return(adapter.dispatch('row_hash', 'inference_tables')(expressions)) }}
{%- endmacro %}

{% macro spark__row_hash(expressions) -%}
    xxhash64({{ expressions | join(', ') }})
{%- endmacro %}

{% macro duckdb__row_hash(expressions) -%}
    hash({{ expressions | join(', ') }})
{%- endmacro %}

{% macro default__row_hash(expressions) -%}
    {{ inference_tables.unsupported_adapter('row_hash') }}
{%- endmacro %}
