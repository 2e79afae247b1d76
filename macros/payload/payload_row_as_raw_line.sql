{#-
    A row of a payload table (SPEC §2 columns) written back as a raw log line (SPEC §1): a
    JSON object whose bodies are strings and whose request_time is ISO-8601 UTC with
    microseconds. Databricks mode reads an existing payload table through it.
-#}
{% macro payload_row_as_raw_line() -%}
    {{ return(adapter.dispatch('payload_row_as_raw_line', 'inference_tables')()) }}
{%- endmacro %}

{% macro default__payload_row_as_raw_line() -%}
    cast(json_object(
        'databricks_request_id', databricks_request_id,
        'client_request_id', client_request_id,
        'request_time', strftime(request_time, '%Y-%m-%dT%H:%M:%S.%fZ'),
        'status_code', status_code,
        'sampling_fraction', sampling_fraction,
        'execution_duration_ms', execution_duration_ms,
        'request', request,
        'response', response,
        'served_entity_id', served_entity_id,
        'logging_error_codes', logging_error_codes,
        'requester', requester
    ) as varchar)
{%- endmacro %}

{% macro spark__payload_row_as_raw_line() -%}
    to_json(named_struct(
        'databricks_request_id', databricks_request_id,
        'client_request_id', client_request_id,
        'request_time', date_format(request_time, "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'"),
        'status_code', status_code,
        'sampling_fraction', sampling_fraction,
        'execution_duration_ms', execution_duration_ms,
        'request', request,
        'response', response,
        'served_entity_id', served_entity_id,
        'logging_error_codes', logging_error_codes,
        'requester', requester
    ))
{%- endmacro %}
