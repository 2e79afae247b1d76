{#- The sum of the non-NULL numbers of a list, as BIGINT; NULL for an empty or NULL list. -#}
{% macro list_sum(list_expr) -%}
    {{ return(adapter.dispatch('list_sum', 'inference_tables')(list_expr)) }}
{%- endmacro %}

{% macro default__list_sum(list_expr) -%}
    {{ inference_tables.unsupported_adapter('list_sum') }}
{%- endmacro %}

{% macro duckdb__list_sum(list_expr) -%}
    cast(list_sum({{ list_expr }}) as bigint)
{%- endmacro %}

{% macro spark__list_sum(list_expr) -%}
    aggregate(
        {{ list_expr }},
        cast(null as bigint),
        (total, item) -> case when item is null then total else coalesce(total, 0) + item end
    )
{%- endmacro %}
