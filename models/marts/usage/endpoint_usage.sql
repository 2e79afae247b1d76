{#-
    Usage per served request (docs/payload_formats.md, modelled on `system.serving.endpoint_usage`): one row
    per payload row, feedback requests included, with token and character counts taken from
    the bodies before the size limit, so an oversize request still has its counts.
    Incremental: a run rebuilds the request ids whose copies were ranked again.
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    unique_key='databricks_request_id',
    post_hook="{{ inference_tables.record_load_watermark(
        ref('int_payload_rows'), 'ranked_in_load') }}",
) }}

with

payloads as (
    select * from {{ ref('int_payload_rows') }}
    {{ inference_tables.ranked_since_watermark_filter() }}
),

final as (
    select
        databricks_request_id,
        client_request_id,
        served_entity_id,
        requester,
        status_code,
        request_time,
        input_token_count,
        output_token_count,
        input_character_count,
        output_character_count,
        usage_context,
        is_streaming as request_streaming
    from payloads
)

select * from final
