{#-
    The Spark twin of the Python reader (stg_gateway__payload_lines.py, in staging/gateway/),
    enabled on Spark only: every non-blank raw line, byte for byte, with its file and line
    number. Each file is read whole (see spark_raw_payload_files_view) and split on "\n" only,
    its bytes seen as ISO-8859-1 so that splitting never decodes them; each line then goes
    back to its bytes, so invalid UTF-8 is found and replaced by U+FFFD as the Python reader
    does.
-#}
{{ config(materialized='table') }}

with

raw_files as (
    select
        {#- input_file_name() is a URI: "file:/abs/path", percent-encoded. #}
        regexp_replace(url_decode(replace(input_file_name(), '+', '%2B')), '^file:(//)?', '')
            as source_file,
        {#- A UTF-8 byte-order mark (EF BB BF) opening the file is not part of its first line. #}
        regexp_replace(decode(cast(value as binary), 'ISO-8859-1'), '^\u00EF\u00BB\u00BF', '')
            as file_bytes
    from {{ source('gateway_spark', 'raw_payload_files') }}
),

log_files as (
    {#- Only .jsonl and .jsonl.gz names, whatever else the glob matches. -#}
    select * from raw_files
    where source_file like '%.jsonl' or source_file like '%.jsonl.gz'
),

physical_lines as (
    select
        source_file,
        position + 1 as line_number,
        regexp_replace(line_bytes, '\r$', '') as line_bytes
    from log_files
    lateral view posexplode(split(file_bytes, '\n')) as position, line_bytes
),

non_blank_lines as (
    select
        source_file,
        line_number,
        cast(encode(line_bytes, 'ISO-8859-1') as string) as line_text
    from physical_lines
    where not line_bytes rlike '^[ \\t\\n\\r\\x0B\\f]*$'
),

final as (
    select
        source_file,
        {#- Spark reads every file whole on every run: its path names it. -#}
        source_file as file_id,
        line_number,
        make_valid_utf8(line_text) as raw_line,
        is_valid_utf8(line_text) as is_valid_utf8,
        cast(null as string) as read_error_reason,
        cast(null as string) as read_error,
        cast(null as string) as parse_line,
        false as is_request_left_out,
        false as is_response_left_out,
        cast(null as bigint) as end_offset,
        cast(null as boolean) as is_file_read_to_end,
        unix_millis(current_timestamp()) as load_id,
        cast(null as bigint) as file_size_bytes,
        cast(null as bigint) as file_modified_ns
    from non_blank_lines
)

select * from final
