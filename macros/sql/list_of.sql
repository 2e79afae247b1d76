{#- A list of the values of SQL expressions (of one type), in their order. -#}
{% macro list_of(expressions) -%}
    {{ return(adapter.dispatch('list_of', 'inference_tables')(expressions)) }}
{%- endmacro %}

{% macro default__list_of(expressions) -%}
    {{ inference_tables.unsupported_adapter('list_of') }}
{%- endmacro %}

{% macro duckdb__list_of(expressions) -%}
    [{{ expressions | join(', ') }}]
{%- endmacro %}

{% macro spark__list_of(expressions) -%}
    array({{ expressions | join(', ') }})
{%- endmacro %}
