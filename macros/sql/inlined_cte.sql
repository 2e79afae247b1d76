{#-
    Placed between a CTE's `as` and its body: the CTE is inlined into each query that reads
    it. DuckDB otherwise computes a CTE read more than once into a temporary result first,
    which for a CTE that only filters a table costs more than the reads it saves and holds
    the whole result in memory. Spark inlines CTEs itself.
-#}
{% macro inlined_cte() -%}
    {{ return(adapter.dispatch('inlined_cte', 'inference_tables')()) }}
{%- endmacro %}

{% macro default__inlined_cte() -%}
    {{ inference_tables.unsupported_adapter('inlined_cte') }}
{%- endmacro %}

{% macro duckdb__inlined_cte() -%}
    not materialized
{%- endmacro %}

{% macro spark__inlined_cte() -%}
{%- endmacro %}
