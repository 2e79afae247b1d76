{#- The distinct non-NULL elements of a list, in ascending order. -#}
{% macro list_sorted_distinct(list_expr) -%}
    {{ return(adapter.dispatch('list_sorted_distinct', 'inference_tables')(list_expr)) }}
{%- endmacro %}

{% macro default__list_sorted_distinct(list_expr) -%}
    {{ inference_tables.unsupported_adapter('list_sorted_distinct') }}
{%- endmacro %}

{% macro duckdb__list_sorted_distinct(list_expr) -%}
    list_sort(list_distinct({{ list_expr }}))
{%- endmacro %}

{% macro spark__list_sorted_distinct(list_expr) -%}
    array_sort(array_distinct(filter({{ list_expr }}, item -> item is not null)))
{%- endmacro %}
