{#- A list without repeats, keeping the first occurrence of each element, in order. -#}
{% macro list_distinct_ordered(list_expr) -%}
    {{ return(adapter.dispatch('list_distinct_ordered', 'inference_tables')(list_expr)) }}
{%- endmacro %}

{% macro default__list_distinct_ordered(list_expr) -%}
    array_distinct({{ list_expr }})
{%- endmacro %}

{% macro duckdb__list_distinct_ordered(list_expr) -%}
    list_filter({{ list_expr }}, lambda code, i: list_position({{ list_expr }}, code) = i)
{%- endmacro %}
