{#- The element at `position` of a list: 1 is the first, -1 the last; NULL when out of range. -#}
{% macro list_element(list_expr, position) -%}
    {{ return(adapter.dispatch('list_element', 'inference_tables')(list_expr, position)) }}
{%- endmacro %}

{% macro default__list_element(list_expr, position) -%}
    {{ inference_tables.unsupported_adapter('list_element') }}
{%- endmacro %}

{% macro duckdb__list_element(list_expr, position) -%}
    (({{ list_expr }})[{{ position }}])
{%- endmacro %}

{% macro spark__list_element(list_expr, position) -%}
    try_element_at({{ list_expr }}, {{ position }})
{%- endmacro %}
