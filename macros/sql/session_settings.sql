{#-
    on-run-start: session settings the models rely on. Spark: a JSON object with a repeated
    key is valid (RFC 8259), so VARIANT keeps its last value instead of failing the parse.
-#}
{% macro session_settings() -%}
    {{ return(adapter.dispatch('session_settings', 'inference_tables')()) }}
{%- endmacro %}

{% macro default__session_settings() -%}
    {{ inference_tables.unsupported_adapter('session_settings') }}
{%- endmacro %}

{% macro duckdb__session_settings() -%}
{%- endmacro %}

{% macro spark__session_settings() -%}
    set spark.sql.variant.allowDuplicateKeys = true
{%- endmacro %}
