{#- Aggregate: the group's values as a list ordered by `order_by` (a unique number per value). -#}
{% macro list_agg_ordered(value, order_by) -%}
    {{ return(adapter.dispatch('list_agg_ordered', 'inference_tables')(value, order_by)) }}
{%- endmacro %}

{% macro default__list_agg_ordered(value, order_by) -%}
    {{ inference_tables.unsupported_adapter('list_agg_ordered') }}
{%- endmacro %}

{% macro duckdb__list_agg_ordered(value, order_by) -%}
    list({{ value }} order by {{ order_by }})
{%- endmacro %}

{% macro spark__list_agg_ordered(value, order_by) -%}
    transform(
        array_sort(collect_list(named_struct('position', {{ order_by }}, 'value', {{ value }}))),
        element -> element.value
    )
{%- endmacro %}
