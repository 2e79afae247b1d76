{#- The non-NULL strings of a list joined with `separator`; NULL when there is none (an empty string counts). -#}
{% macro list_string_agg(list_expr, separator) -%}
    {{ return(adapter.dispatch('list_string_agg', 'inference_tables')(list_expr, separator)) }}
{%- endmacro %}

{% macro default__list_string_agg(list_expr, separator) -%}
    {{ inference_tables.unsupported_adapter('list_string_agg') }}
{%- endmacro %}

{% macro duckdb__list_string_agg(list_expr, separator) -%}
    list_aggregate({{ list_expr }}, 'string_agg', {{ separator }})
{%- endmacro %}

{% macro spark__list_string_agg(list_expr, separator) -%}
    aggregate(
        {{ list_expr }},
        cast(null as string),
        (joined, piece) -> case
            when piece is null then joined
            when joined is null then piece
            else concat(joined, {{ separator }}, piece)
        end
    )
{%- endmacro %}
