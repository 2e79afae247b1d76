{#- A struct value from a mapping {field name: SQL expression}, fields in the mapping's order. -#}
{% macro named_struct(fields) -%}
    {%- if fields is not mapping or fields | length == 0 -%}
        {{ exceptions.raise_compiler_error("named_struct: fields must be a non-empty mapping") }}
    {%- endif -%}
    {{ return(adapter.dispatch('named_struct', 'inference_tables')(fields)) }}
{%- endmacro %}

{% macro duckdb__named_struct(fields) -%}
    struct_pack(
        {%- for name, expression in fields.items() %}
        "{{ name }}" := {{ expression }}{{ ',' if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}

{% macro spark__named_struct(fields) -%}
    named_struct(
        {%- for name, expression in fields.items() %}
        '{{ name }}', {{ expression }}{{ ',' if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}

{% macro default__named_struct(fields) -%}
    {{ inference_tables.unsupported_adapter('named_struct') }}
{%- endmacro %}
