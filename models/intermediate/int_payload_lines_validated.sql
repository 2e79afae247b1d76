{#-
    One row per non-blank raw line: its fields parsed and typed once (docs/input_format.md) and the reason
    it is quarantined (NULL when valid), and the raw files the latest run could not read (file
    rows, no line). Incremental: a run parses the lines of new loads only, and replaces the file
    rows by the current ones.
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    unique_key=['file_id', 'line_number'],
    pre_hook="{{ inference_tables.delete_file_rows('quarantine_reason') }}",
    post_hook="{{ inference_tables.record_load_watermark(ref(inference_tables.payload_lines_reader())) }}",
) }}
{%- set record_keys = [
    'databricks_request_id', 'client_request_id', 'request_time', 'timestamp_ms',
    'status_code', 'sampling_fraction', 'execution_duration_ms', 'execution_time_ms',
    'served_entity_id', 'requester', 'logging_error_codes', 'request_metadata',
] -%}
{#- One parse per line: envelope fields as JSON to check their types; bodies as text, which
    is a string's content or a JSON value's compact serialization (docs/input_format.md body text). -#}
{%- set record_shape = {'request': 'string', 'response': 'string'} -%}
{%- for key in record_keys -%}
{%- do record_shape.update({key: 'json'}) -%}
{%- endfor -%}

with

payload_lines as (
    select * from {{ ref(inference_tables.payload_lines_reader()) }}
    {% if is_incremental() -%}
        where load_id > {{ inference_tables.load_watermark() }}
    {#- The current file rows also when they are of an older load (the pre-hook deleted this
        model's copy): a second, separate filter, so that DuckDB still skips the row groups
        of older loads for the first. #}
    union all
    select * from {{ ref(inference_tables.payload_lines_reader()) }}
    where
        load_id <= {{ inference_tables.load_watermark() }}
        and read_error_reason in {{ inference_tables.file_row_reasons() }}
    {%- endif %}
),

decoded as (
    select
        source_file,
        file_id,
        line_number,
        load_id,
        read_error_reason,
        read_error,
        raw_line,
        {#- A line over 16 MiB is read through the reader's parse_line (its values over
            max_payload_bytes left out), which DuckDB can parse within the memory limit. #}
        coalesce(parse_line, raw_line) as json_line,
        coalesce(is_request_left_out, false) as is_request_left_out,
        coalesce(is_response_left_out, false) as is_response_left_out,
        is_valid_utf8
    from payload_lines
),

parsed as (
    select
        *,
        {{ inference_tables.json_is_valid('json_line') }} as is_valid_json
    from decoded
),

kinds as (
    select
        *,
        case
            when is_valid_json then {{ inference_tables.json_text_kind('json_line') }}
        end as line_kind
    from parsed
),

records as (
    select
        *,
        case
            when line_kind = 'object'
                then {{ inference_tables.json_parse('json_line', record_shape) }}
        end as record
    from kinds
),

fields as (
    select
        source_file,
        file_id,
        line_number,
        load_id,
        read_error_reason,
        read_error,
        raw_line,
        is_request_left_out,
        is_response_left_out,
        is_valid_utf8,
        is_valid_json,
        line_kind,
        {%- for key in record_keys %}
        {{ inference_tables.json_kind('record.' ~ key) }} as {{ key }}_kind,
        {{ inference_tables.json_text('record.' ~ key) }} as {{ key }}_text,
        {%- endfor %}
        record.request as request_text,
        record.response as response_text,
        {{ inference_tables.json_is_array_of('record.logging_error_codes', 'string') }}
            as is_error_codes_string_array,
        {{ inference_tables.json_is_string_object('record.request_metadata') }}
            as is_request_metadata_string_object,
        record.logging_error_codes as logging_error_codes_json,
        record.request_metadata as request_metadata_json
    from records
),

typed as (
    select
        *,
        {{ inference_tables.request_time_in_range(
            "case when request_time_kind = 'string' then "
            ~ inference_tables.request_time_from_iso8601('request_time_text')
            ~ " when request_time_kind in ('integer', 'number') then "
            ~ inference_tables.epoch_ms_to_timestamp('request_time_text')
            ~ " when request_time_kind is null and timestamp_ms_kind in ('integer', 'number') then "
            ~ inference_tables.epoch_ms_to_timestamp('timestamp_ms_text') ~ " end"
        ) }} as parsed_request_time,
        case
            when status_code_kind = 'integer'
                then try_cast(status_code_text as integer)
            when status_code_kind = 'string'
                and {{ inference_tables.regexp_full_match('status_code_text', '[0-9]{3}') }}
                then cast(status_code_text as integer)
        end as parsed_status_code,
        case
            when sampling_fraction_kind in ('integer', 'number')
                then cast(sampling_fraction_text as double)
        end as parsed_sampling_fraction,
        case
            when execution_duration_ms_kind = 'integer'
                then try_cast(execution_duration_ms_text as bigint)
        end as parsed_execution_duration_ms,
        case
            when execution_time_ms_kind = 'integer'
                then try_cast(execution_time_ms_text as bigint)
        end as parsed_execution_time_ms
    from fields
),

checked as (
    select
        *,
        {#- A present field of the wrong type: the first in the documented order is reported. #}
        case
            when client_request_id_kind <> 'string' then 'client_request_id'
            when timestamp_ms_kind not in ('integer', 'number') then 'timestamp_ms'
            when sampling_fraction_kind is not null
                and not coalesce(
                    parsed_sampling_fraction > 0 and parsed_sampling_fraction <= 1, false
                )
                then 'sampling_fraction'
            when execution_duration_ms_kind is not null
                and not coalesce(parsed_execution_duration_ms >= 0, false)
                then 'execution_duration_ms'
            when execution_time_ms_kind is not null
                and not coalesce(parsed_execution_time_ms >= 0, false)
                then 'execution_time_ms'
            when served_entity_id_kind <> 'string' then 'served_entity_id'
            when requester_kind <> 'string' then 'requester'
            when logging_error_codes_kind is not null and not is_error_codes_string_array
                then 'logging_error_codes'
            when request_metadata_kind is not null and not is_request_metadata_string_object
                then 'request_metadata'
        end as invalid_field
    from typed
),

validated as (
    select
        *,
        case
            when read_error_reason is not null then read_error_reason
            when not is_valid_utf8 then 'INVALID_UTF8'
            when not is_valid_json then 'INVALID_JSON'
            when coalesce(line_kind, 'null') <> 'object' then 'NOT_AN_OBJECT'
            when coalesce(databricks_request_id_kind, '') <> 'string'
                or databricks_request_id_text = ''
                then 'MISSING_REQUEST_ID'
            when parsed_request_time is null then 'INVALID_REQUEST_TIME'
            when parsed_status_code is null or parsed_status_code not between 100 and 599
                then 'INVALID_STATUS_CODE'
            when invalid_field is not null then 'INVALID_FIELD_TYPE'
        end as quarantine_reason
    from checked
),

final as (
    select
        -- ids
        source_file,
        file_id,
        line_number,
        case when databricks_request_id_kind = 'string' then databricks_request_id_text end
            as databricks_request_id,
        case
            when client_request_id_kind = 'string' then client_request_id_text
            else {{ inference_tables.json_string_at('request_text', '$.client_request_id') }}
        end as client_request_id,
        served_entity_id_text as served_entity_id,
        requester_text as requester,
        -- bodies, before the size limit (a line over 64 MiB leaves its oversize ones out)
        request_text as request_body,
        response_text as response_body,
        is_request_left_out,
        is_response_left_out,
        -- numbers
        parsed_status_code as status_code,
        coalesce(parsed_sampling_fraction, 1.0) as sampling_fraction,
        coalesce(parsed_execution_duration_ms, parsed_execution_time_ms) as execution_duration_ms,
        -- lists and legacy metadata
        {{ inference_tables.json_string_array('logging_error_codes_json') }}
            as upstream_error_codes,
        {{ inference_tables.json_string_at('request_metadata_json', '$.endpoint_name') }}
            as legacy_endpoint_name,
        {{ inference_tables.json_string_at('request_metadata_json', '$.model_name') }}
            as legacy_model_name,
        {{ inference_tables.json_string_at('request_metadata_json', '$.model_version') }}
            as legacy_model_version,
        -- timestamps
        parsed_request_time as request_time,
        -- validation
        quarantine_reason,
        case when quarantine_reason = 'INVALID_FIELD_TYPE' then invalid_field end
            as quarantine_field,
        case when quarantine_reason is not null then raw_line end as raw_line,
        read_error,
        load_id
    from validated
)

select * from final
