{#-
    Select-list expressions that turn each element of `list_expr` into its own row:
    `<value_alias>` holds the element and `<position_alias>` its 0-based position. Rows whose
    list is NULL or empty produce no row.
-#}
{% macro explode_with_position(list_expr, value_alias, position_alias) -%}
    {{ return(adapter.dispatch('explode_with_position', 'inference_tables')(
        list_expr, value_alias, position_alias)) }}
{%- endmacro %}

{% macro duckdb__explode_with_position(list_expr, value_alias, position_alias) -%}
    unnest({{ list_expr }}) as {{ value_alias }},
    generate_subscripts({{ list_expr }}, 1) - 1 as {{ position_alias }}
{%- endmacro %}

{% macro spark__explode_with_position(list_expr, value_alias, position_alias) -%}
    posexplode({{ list_expr }}) as ({{ position_alias }}, {{ value_alias }})
{%- endmacro %}

{% macro default__explode_with_position(list_expr, value_alias, position_alias) -%}
    {{ inference_tables.unsupported_adapter('explode_with_position') }}
{%- endmacro %}
