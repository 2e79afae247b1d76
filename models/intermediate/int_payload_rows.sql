{#-
    The rows of the AI Gateway payload table (docs/input_format.md, payload), and the load that
    ranked each: one row per request id, from the first delivered copy (lowest source_file,
    then line_number), bodies over max_payload_bytes stored as NULL with their
    MAX_*_SIZE_EXCEEDED code. `payload` shows its columns. Incremental: a run rebuilds the
    request ids whose copies were ranked again; their rows go to the end of the table with a
    higher `ranked_in_load`, so a later model reads one load's rows without scanning the rest.
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    unique_key='databricks_request_id',
    post_hook="{{ inference_tables.record_load_watermark(
        ref('int_payload_copies_ranked'), 'ranked_in_load') }}",
) }}

with

first_copies as (
    {{ inference_tables.ranked_copies_batch(
        ref('int_payload_copies_ranked'), ref('int_payload_lines_validated'), 'copy_number = 1') }}
),

size_checked as (
    select
        *,
        is_request_left_out
        or {{ inference_tables.exceeds_payload_size_limit('request_body') }}
            as is_request_too_large,
        is_response_left_out
        or {{ inference_tables.exceeds_payload_size_limit('response_body') }}
            as is_response_too_large
    from first_copies
),

final as (
    select
        cast(request_time as date) as request_date,
        databricks_request_id,
        client_request_id,
        request_time,
        status_code,
        sampling_fraction,
        execution_duration_ms,
        case when not is_request_too_large then request_body end as request,
        case when not is_response_too_large then response_body end as response,
        served_entity_id,
        {{ inference_tables.merge_logging_error_codes(
            'upstream_error_codes', 'is_request_too_large', 'is_response_too_large'
        ) }} as logging_error_codes,
        requester,
        ranked_in_load
    from size_checked
)

select * from final
