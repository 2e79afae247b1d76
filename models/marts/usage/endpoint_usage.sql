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

parsed_bodies as (
    select * from {{ ref('int_payload_bodies_parsed') }}
    {{ inference_tables.ranked_since_watermark_filter() }}
),

final as (
    select
        payloads.databricks_request_id,
        payloads.client_request_id,
        payloads.served_entity_id,
        payloads.requester,
        payloads.status_code,
        payloads.request_time,
        parsed_bodies.input_token_count,
        parsed_bodies.output_token_count,
        parsed_bodies.input_character_count,
        parsed_bodies.output_character_count,
        parsed_bodies.usage_context,
        parsed_bodies.is_streaming as request_streaming
    from payloads
    inner join parsed_bodies
        on payloads.databricks_request_id = parsed_bodies.databricks_request_id
)

select * from final
