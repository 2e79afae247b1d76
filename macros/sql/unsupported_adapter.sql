{#- The `default__` of every dispatched primitive: a clear error on an adapter without a variant. -#}
{% macro unsupported_adapter(macro_name) -%}
    {{ exceptions.raise_compiler_error(
        "inference_tables: " ~ macro_name ~ " has no variant for the '" ~ target.type
        ~ "' adapter (supported: duckdb, spark, databricks)") }}
{%- endmacro %}
