{#- The elements of a list for which `condition` (SQL naming each element `variable`) holds, in order. -#}
{% macro list_filter(list_expr, variable, condition) -%}
    {{ return(adapter.dispatch('list_filter', 'inference_tables')(list_expr, variable, condition)) }}
{%- endmacro %}

{% macro default__list_filter(list_expr, variable, condition) -%}
    {{ inference_tables.unsupported_adapter('list_filter') }}
{%- endmacro %}

{% macro duckdb__list_filter(list_expr, variable, condition) -%}
    list_filter({{ list_expr }}, lambda {{ variable }}: {{ condition }})
{%- endmacro %}

{% macro spark__list_filter(list_expr, variable, condition) -%}
    filter({{ list_expr }}, {{ variable }} -> {{ condition }})
{%- endmacro %}
