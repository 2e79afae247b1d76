{#- A list without repeats, keeping the first occurrence of each element, in order. -#}
{% macro list_distinct_ordered(list_expr) -%}
    {{ return(adapter.dispatch('list_distinct_ordered', 'inference_tables')(list_expr)) }}
{%- endmacro %}

{% macro spark__list_distinct_ordered(list_expr) -%}
    array_distinct({{ list_expr }})
{%- endmacro %}

{% macro duckdb__list_distinct_ordered(list_expr) -%}
    {#- list_distinct does not keep the order: keep each index holding a first occurrence. -#}
    list_transform(
        list_filter(
            range(1, len({{ list_expr }}) + 1),
            lambda i: list_position({{ list_expr }}, ({{ list_expr }})[i]) = i
        ),
        lambda i: ({{ list_expr }})[i]
    )
{%- endmacro %}

{% macro default__list_distinct_ordered(list_expr) -%}
    {{ inference_tables.unsupported_adapter('list_distinct_ordered') }}
{%- endmacro %}
