{#-
    Every extra copy of a request id among valid lines (at-least-once delivery): the copy
    that landed in `payload` is the first one, by source_file then line_number.
-#}
with

validated_lines as (
    select * from {{ ref('int_payload_lines_validated') }}
),

final as (
    select
        source_file,
        line_number,
        databricks_request_id,
        copy_number,
        first_copy_source_file,
        first_copy_line_number,
        request_time
    from validated_lines
    where quarantine_reason is null and copy_number > 1
)

select * from final
