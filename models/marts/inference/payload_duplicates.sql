{#-
    Every extra copy of a request id among valid lines (at-least-once delivery): the copy
    that landed in `payload` is the first one, by source_file then line_number. Incremental:
    a run rebuilds the copies of the request ids ranked again.
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    unique_key=['file_id', 'line_number'],
    post_hook="{{ inference_tables.record_load_watermark(
        ref('int_payload_copies_ranked'), 'ranked_in_load') }}",
) }}

with

extra_copies as (
    {{ inference_tables.ranked_copies_batch(
        ref('int_payload_copies_ranked'), ref('int_payload_lines_validated'), 'copy_number > 1') }}
),

final as (
    select
        source_file,
        file_id,
        line_number,
        databricks_request_id,
        copy_number,
        first_copy_source_file,
        first_copy_line_number,
        request_time
    from extra_copies
)

select * from final
