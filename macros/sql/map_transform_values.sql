{#- A map with the same keys, each value turned into `expression` (SQL naming the value `variable`). -#}
{% macro map_transform_values(map_expr, variable, expression) -%}
    {{ return(adapter.dispatch('map_transform_values', 'inference_tables')(
        map_expr, variable, expression)) }}
{%- endmacro %}

{% macro default__map_transform_values(map_expr, variable, expression) -%}
    {{ inference_tables.unsupported_adapter('map_transform_values') }}
{%- endmacro %}

{% macro duckdb__map_transform_values(map_expr, variable, expression) -%}
    map_from_entries(list_transform(
        map_entries({{ map_expr }}),
        lambda map_entry: {
            'key': map_entry.key,
            'value': {{ inference_tables.let('map_entry.value', variable, expression) }}
        }
    ))
{%- endmacro %}

{% macro spark__map_transform_values(map_expr, variable, expression) -%}
    transform_values({{ map_expr }}, (map_key, {{ variable }}) -> {{ expression }})
{%- endmacro %}
