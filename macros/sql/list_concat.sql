{#- The lists of `list_exprs` (a list of SQL expressions, none NULL) one after the other. -#}
{% macro list_concat(list_exprs) -%}
    {{ return(adapter.dispatch('list_concat', 'inference_tables')(list_exprs)) }}
{%- endmacro %}

{% macro default__list_concat(list_exprs) -%}
    {{ inference_tables.unsupported_adapter('list_concat') }}
{%- endmacro %}

{% macro duckdb__list_concat(list_exprs) -%}
    ({{ list_exprs | join(' || ') }})
{%- endmacro %}

{% macro spark__list_concat(list_exprs) -%}
    concat({{ list_exprs | join(', ') }})
{%- endmacro %}
