{#-
    Databricks mode (var payload_source = 'databricks_payload_table'): the lines come from an
    existing Databricks payload table (payload-table shape (docs/input_format.md)), each row written back as a raw line,
    so every downstream model runs unchanged and a Databricks user gets the request and
    assessment logs of their real payload table. Rows are numbered by request time and id.
-#}
{{ config(materialized='table') }}

with

payload_rows as (
    select * from {{ source('databricks_inference', 'payload') }}
),

final as (
    select
        '{{ source('databricks_inference', 'payload') }}' as source_file,
        '{{ source('databricks_inference', 'payload') }}' as file_id,
        cast(row_number() over (order by request_time, databricks_request_id) as bigint)
            as line_number,
        {{ inference_tables.payload_row_as_raw_line() }} as raw_line,
        true as is_valid_utf8,
        cast(null as {{ inference_tables.data_type('string') }}) as read_error_reason,
        cast(null as {{ inference_tables.data_type('string') }}) as read_error,
        cast(null as {{ inference_tables.data_type('string') }}) as parse_line,
        false as is_request_left_out,
        false as is_response_left_out,
        cast(null as bigint) as end_offset,
        cast(null as boolean) as is_file_read_to_end,
        cast({{ inference_tables.timestamp_to_epoch_ms(dbt.current_timestamp()) }} as bigint)
            as load_id,
        cast(null as bigint) as file_size_bytes,
        cast(null as bigint) as file_modified_ns
    from payload_rows
)

select * from final
