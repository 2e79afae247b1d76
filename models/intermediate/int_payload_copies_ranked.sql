{#-
    The delivery rank of every valid line among the lines sharing its request id (docs/input_format.md
    duplicates): copy 1, the first delivered (lowest source_file, then file_id and line_number), lands in
    `payload`; the others are duplicates. Incremental: a run ranks again every line of the
    request ids that its new lines carry, so a late file that sorts first takes the payload
    row over and the sequence of runs gives what one full build gives.
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    unique_key=['file_id', 'line_number'],
    post_hook="{{ inference_tables.record_load_watermark(ref('int_payload_lines_validated')) }}",
) }}

with

valid_lines as (
    select
        source_file,
        file_id,
        line_number,
        databricks_request_id,
        load_id
    from {{ ref('int_payload_lines_validated') }}
    where quarantine_reason is null
),

{% if is_incremental() -%}
touched_request_ids as (
    select distinct databricks_request_id
    from valid_lines
    where load_id > {{ inference_tables.load_watermark() }}
),

lines_to_rank as (
    select valid_lines.*
    from valid_lines
    inner join touched_request_ids
        on valid_lines.databricks_request_id = touched_request_ids.databricks_request_id
),
{%- else -%}
lines_to_rank as (
    select * from valid_lines
),
{%- endif %}

ranked as (
    select
        source_file,
        file_id,
        line_number,
        databricks_request_id,
        row_number() over delivery_order as copy_number,
        first_value(source_file) over delivery_order as first_copy_source_file,
        first_value(line_number) over delivery_order as first_copy_line_number,
        max(load_id) over () as ranked_in_load
    from lines_to_rank
    window delivery_order as (
        partition by databricks_request_id
        order by source_file, file_id, line_number
    )
)

select * from ranked
