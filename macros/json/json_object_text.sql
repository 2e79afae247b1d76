{#- Compact JSON text of an object built from a mapping {key: SQL expression}, keys in order. -#}
{% macro json_object_text(fields) -%}
    {{ return(adapter.dispatch('json_object_text', 'inference_tables')(fields)) }}
{%- endmacro %}

{% macro default__json_object_text(fields) -%}
    {{ inference_tables.unsupported_adapter('json_object_text') }}
{%- endmacro %}

{% macro duckdb__json_object_text(fields) -%}
    cast(json_object(
        {%- for key, expression in fields.items() %}
        '{{ key }}', {{ expression }}{{ ',' if not loop.last }}
        {%- endfor %}
    ) as varchar)
{%- endmacro %}

{% macro spark__json_object_text(fields) -%}
    to_json({{ inference_tables.named_struct(fields) }})
{%- endmacro %}
