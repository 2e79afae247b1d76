{#-
    A row of a payload table (payload-table columns) written back as a raw log line (docs/input_format.md): a
    JSON object whose bodies are strings and whose request_time is ISO-8601 UTC with
    microseconds. Databricks mode reads an existing payload table through it.
-#}
{% macro payload_row_as_raw_line() -%}
    {%- set columns = [
        'databricks_request_id', 'client_request_id', 'request_time', 'status_code',
        'sampling_fraction', 'execution_duration_ms', 'request', 'response',
        'served_entity_id', 'logging_error_codes', 'requester',
    ] -%}
    {%- set fields = {} -%}
    {%- for column in columns -%}
        {%- do fields.update({column: column}) -%}
    {%- endfor -%}
    {%- do fields.update({'request_time': inference_tables.timestamp_iso_text('request_time')}) -%}
    {{ inference_tables.json_object_text(fields) }}
{%- endmacro %}
