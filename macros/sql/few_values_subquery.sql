{#-
    A subquery of `column` over the rows of `relation` where `condition` holds, for
    `x in (...)` when those rows are few (one load's keys) and `x` runs over a whole table.
    DuckDB estimates any filtered scan at a fifth of its table, so it may build its hash table
    on the whole table and probe it with the few keys (three times slower at 3M rows); gathered
    into one list first, the few keys are what it builds on.
-#}
{% macro few_values_subquery(column, relation, condition) -%}
    {{ return(adapter.dispatch('few_values_subquery', 'inference_tables')(
        column, relation, condition)) }}
{%- endmacro %}

{% macro default__few_values_subquery(column, relation, condition) -%}
    {{ inference_tables.unsupported_adapter('few_values_subquery') }}
{%- endmacro %}

{% macro duckdb__few_values_subquery(column, relation, condition) -%}
    select unnest(list({{ column }})) from {{ relation }} where {{ condition }}
{%- endmacro %}

{% macro spark__few_values_subquery(column, relation, condition) -%}
    select {{ column }} from {{ relation }} where {{ condition }}
{%- endmacro %}
