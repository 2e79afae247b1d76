{#- The values' quantiles at `points` (a list of numbers in [0, 1]), by linear interpolation
    between the closest ranks (numpy's default); NULL when there is no non-NULL value. -#}
{% macro quantiles_linear(value, points) -%}
    {{ return(adapter.dispatch('quantiles_linear', 'inference_tables')(value, points)) }}
{%- endmacro %}

{% macro default__quantiles_linear(value, points) -%}
    {{ inference_tables.unsupported_adapter('quantiles_linear') }}
{%- endmacro %}

{% macro duckdb__quantiles_linear(value, points) -%}
    quantile_cont({{ value }}, [{{ points | join(', ') }}])
{%- endmacro %}

{% macro spark__quantiles_linear(value, points) -%}
    percentile({{ value }}, array({{ points | join(', ') }}))
{%- endmacro %}
