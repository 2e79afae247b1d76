{#- Each element of a list turned into `expression` (SQL naming the element `variable`), in order. -#}
{% macro list_transform(list_expr, variable, expression) -%}
    {{ return(adapter.dispatch('list_transform', 'inference_tables')(list_expr, variable, expression)) }}
{%- endmacro %}

{% macro default__list_transform(list_expr, variable, expression) -%}
    {{ inference_tables.unsupported_adapter('list_transform') }}
{%- endmacro %}

{% macro duckdb__list_transform(list_expr, variable, expression) -%}
    list_transform({{ list_expr }}, lambda {{ variable }}: {{ expression }})
{%- endmacro %}

{% macro spark__list_transform(list_expr, variable, expression) -%}
    transform({{ list_expr }}, {{ variable }} -> {{ expression }})
{%- endmacro %}
