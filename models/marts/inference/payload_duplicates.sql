{#-
    Every extra copy of a request id among valid lines (at-least-once delivery): the copy
    that landed in `payload` is the first one, by source_file then line_number. Incremental:
    a run rebuilds the copies of the request ids ranked again.
-#}
{{ config(
    materialized='incremental',
    unique_key=['source_file', 'line_number'],
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    post_hook="{{ inference_tables.record_load_watermark(
        ref('int_payload_copies_ranked'), 'ranked_in_load') }}",
) }}

with

extra_copies as (
    {{ inference_tables.ranked_copies_batch(ref('int_payload_copies_ranked'), 'copy_number > 1') }}
),

validated_lines as (
    select
        source_file,
        line_number,
        request_time
    from {{ ref('int_payload_lines_validated') }}
),

final as (
    select
        extra_copies.source_file,
        extra_copies.line_number,
        extra_copies.databricks_request_id,
        extra_copies.copy_number,
        extra_copies.first_copy_source_file,
        extra_copies.first_copy_line_number,
        validated_lines.request_time
    from extra_copies
    inner join validated_lines
        on
            extra_copies.source_file = validated_lines.source_file
            and extra_copies.line_number = validated_lines.line_number
)

select * from final
