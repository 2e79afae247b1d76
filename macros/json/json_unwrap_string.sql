{#-
    A JSON value that may also arrive as a string holding JSON (e.g. review-app feedback):
    such a string is parsed and its value returned; any other value is returned as it is.
    A string that does not hold valid JSON gives NULL.
-#}
{% macro json_unwrap_string(value) -%}
    {{ return(adapter.dispatch('json_unwrap_string', 'inference_tables')(value)) }}
{%- endmacro %}

{% macro duckdb__json_unwrap_string(value) -%}
    case
        when json_type({{ value }}) <> 'VARCHAR' then {{ value }}
        when {{ inference_tables.json_is_valid(value ~ " ->> '$'") }} then json({{ value }} ->> '$')
    end
{%- endmacro %}

{% macro spark__json_unwrap_string(value) -%}
    case
        when {{ inference_tables.json_kind(value) }} <> 'string' then {{ value }}
        when {{ inference_tables.json_is_valid(inference_tables.json_text(value)) }}
            then try_parse_json({{ inference_tables.json_text(value) }})
    end
{%- endmacro %}

{% macro default__json_unwrap_string(value) -%}
    {{ inference_tables.unsupported_adapter('json_unwrap_string') }}
{%- endmacro %}
