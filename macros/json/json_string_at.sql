{#-
    The string at `path` (a JSONPath such as '$.a.b') inside `text`, which may be NULL or not
    JSON at all: NULL unless the text is valid JSON and the value there is a string.
-#}
{% macro json_string_at(text, path) -%}
    {{ return(adapter.dispatch('json_string_at', 'inference_tables')(text, path)) }}
{%- endmacro %}

{% macro duckdb__json_string_at(text, path) -%}
    case
        when {{ inference_tables.json_is_valid(text) }} and json_type({{ text }}, '{{ path }}') = 'VARCHAR'
            then json_extract_string({{ text }}, '{{ path }}')
    end
{%- endmacro %}

{% macro spark__json_string_at(text, path) -%}
    {%- set value = "variant_get(try_parse_json(cast(" ~ text ~ " as string)), '"
        ~ inference_tables.spark_json_path(path) ~ "', 'variant')" -%}
    case
        when {{ inference_tables.json_is_valid('cast(' ~ text ~ ' as string)') }}
            and schema_of_variant({{ value }}) = 'STRING'
            then variant_get({{ value }}, '$', 'string')
    end
{%- endmacro %}

{% macro default__json_string_at(text, path) -%}
    {{ inference_tables.unsupported_adapter('json_string_at') }}
{%- endmacro %}
