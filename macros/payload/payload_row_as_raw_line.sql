{#-
    A row of a payload table (SPEC §2 columns) written back as a raw log line (SPEC §1): a
    JSON object whose bodies are strings and whose request_time is ISO-8601 UTC with
    microseconds. Databricks mode reads an existing payload table through it.
-#}
{% macro payload_row_as_raw_line() -%}
    {{ return(adapter.dispatch('payload_row_as_raw_line', 'inference_tables')()) }}
{%- endmacro %}

{% macro default__payload_row_as_raw_line() -%}
    cast(json_object({{ inference_tables.payload_row_fields(
        "strftime(request_time, '%Y-%m-%dT%H:%M:%S.%fZ')") }}) as varchar)
{%- endmacro %}

{% macro spark__payload_row_as_raw_line() -%}
    to_json(named_struct({{ inference_tables.payload_row_fields(
        "date_format(request_time, \"yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'\")") }}))
{%- endmacro %}

{#- The raw line's keys and values, as `'key', expression` pairs for an object constructor. -#}
{% macro payload_row_fields(request_time_text) -%}
    {%- set columns = [
        'databricks_request_id', 'client_request_id', 'request_time', 'status_code',
        'sampling_fraction', 'execution_duration_ms', 'request', 'response',
        'served_entity_id', 'logging_error_codes', 'requester',
    ] -%}
    {%- for column in columns %}
        '{{ column }}', {{ request_time_text if column == 'request_time' else column }}
        {{- ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
