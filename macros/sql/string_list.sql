{#- A list of strings from string literals (Python strings); an empty list is typed too. -#}
{% macro string_list(values) -%}
    {{ return(adapter.dispatch('string_list', 'inference_tables')(values)) }}
{%- endmacro %}

{% macro default__string_list(values) -%}
    {{ inference_tables.unsupported_adapter('string_list') }}
{%- endmacro %}

{% macro duckdb__string_list(values) -%}
    cast([{%- for value in values %}'{{ value }}'{{ ', ' if not loop.last }}{% endfor -%}] as varchar[])
{%- endmacro %}

{% macro spark__string_list(values) -%}
    cast(array({%- for value in values %}'{{ value }}'{{ ', ' if not loop.last }}{% endfor -%}) as array<string>)
{%- endmacro %}
