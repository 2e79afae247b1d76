{#- The JSON value at `path` (e.g. '$.a.b', '$."dotted.key"') of a JSON value; NULL when absent. -#}
{% macro json_value_at(value, path) -%}
    {{ return(adapter.dispatch('json_value_at', 'inference_tables')(value, path)) }}
{%- endmacro %}

{% macro duckdb__json_value_at(value, path) -%}
    json_extract({{ value }}, '{{ path }}')
{%- endmacro %}

{% macro spark__json_value_at(value, path) -%}
    variant_get({{ value }}, '{{ inference_tables.spark_json_path(path) }}', 'variant')
{%- endmacro %}

{#- A JSONPath in DuckDB's spelling ('$."a.b"') in Spark's ('$["a.b"]'). -#}
{% macro spark_json_path(path) -%}
    {{ return(modules.re.sub('\\."([^"]*)"', '["\\1"]', path)) }}
{%- endmacro %}

{% macro default__json_value_at(value, path) -%}
    {{ inference_tables.unsupported_adapter('json_value_at') }}
{%- endmacro %}
