{#-
    `body` (SQL naming the value of `expression` as `variable`) with `expression` evaluated and
    written once, however often `body` names it: keeps nested rules from repeating long
    expressions, which costs DuckDB binding time and Spark code size.
-#}
{% macro let(expression, variable, body) -%}
    {{ return(adapter.dispatch('let', 'inference_tables')(expression, variable, body)) }}
{%- endmacro %}

{% macro default__let(expression, variable, body) -%}
    {{ inference_tables.unsupported_adapter('let') }}
{%- endmacro %}

{% macro duckdb__let(expression, variable, body) -%}
    list_transform([{{ expression }}], lambda {{ variable }}: {{ body }})[1]
{%- endmacro %}

{% macro spark__let(expression, variable, body) -%}
    element_at(transform(array({{ expression }}), {{ variable }} -> {{ body }}), 1)
{%- endmacro %}
