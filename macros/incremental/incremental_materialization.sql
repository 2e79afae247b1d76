{#-
    The materialization of the incremental models: 'incremental' where the adapter runs their
    delete+insert strategy (DuckDB), 'table' elsewhere. Spark here writes parquet tables
    (Delta jars cannot be fetched), which take neither delete nor merge: every run rebuilds.
-#}
{% macro incremental_materialization() -%}
    {{ return(adapter.dispatch('incremental_materialization', 'inference_tables')()) }}
{%- endmacro %}

{% macro default__incremental_materialization() -%}
    {{ return('table') }}
{%- endmacro %}

{% macro duckdb__incremental_materialization() -%}
    {{ return('incremental') }}
{%- endmacro %}
