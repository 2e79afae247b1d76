{#- A MAP(string, string) from parallel lists of key literals and value expressions. -#}
{% macro string_map(keys, values) -%}
    {%- if keys | length != values | length -%}
        {{ exceptions.raise_compiler_error("string_map: keys and values must have the same length") }}
    {%- endif -%}
    {{ return(adapter.dispatch('string_map', 'inference_tables')(keys, values)) }}
{%- endmacro %}

{% macro duckdb__string_map(keys, values) -%}
    map(
        [{%- for key in keys %}'{{ key }}'{{ ', ' if not loop.last }}{% endfor -%}],
        [{%- for value in values %}cast({{ value }} as varchar){{ ', ' if not loop.last }}{% endfor -%}]
    )
{%- endmacro %}

{% macro spark__string_map(keys, values) -%}
    map(
        {%- for key in keys %}
        '{{ key }}', cast({{ values[loop.index0] }} as string){{ ',' if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}

{% macro default__string_map(keys, values) -%}
    {{ inference_tables.unsupported_adapter('string_map') }}
{%- endmacro %}
