{#- Every raw line that could not become a payload row, verbatim, with its origin and reason. -#}
with

validated_lines as (
    select * from {{ ref('int_payload_lines_validated') }}
),

final as (
    select
        source_file,
        line_number,
        quarantine_reason,
        quarantine_field,
        databricks_request_id,
        raw_line
    from validated_lines
    where quarantine_reason is not null
)

select * from final
