{#-
    The agent request logs (docs/payload_formats.md): one row per payload row that is not review-app feedback,
    whatever its status code, with the last user query and the last answer extracted from the
    bodies as `payload` holds them (a body nulled by the size limit gives NULL). Incremental:
    a run rebuilds the request ids whose copies were ranked again (served-entity changes reach
    old rows with --full-refresh).
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    unique_key='databricks_request_id',
    pre_hook="{{ inference_tables.delete_reranked_requests(ref('int_payload_copies_ranked')) }}",
    post_hook="{{ inference_tables.record_load_watermark(
        ref('int_payload_copies_ranked'), 'ranked_in_load') }}",
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

served_entities as (
    select * from {{ ref('current_served_entities') }}
),

joined as (
    select
        payloads.*,
        parsed_bodies.conversation_id,
        parsed_bodies.request_text,
        parsed_bodies.response_text,
        parsed_bodies.trace,
        parsed_bodies.schema_version,
        coalesce(served_entities.endpoint_name, parsed_bodies.legacy_endpoint_name)
            as endpoint_name,
        coalesce(served_entities.entity_name, parsed_bodies.legacy_model_name) as model_name,
        coalesce(served_entities.entity_version, parsed_bodies.legacy_model_version)
            as model_version
    from payloads
    inner join parsed_bodies
        on payloads.databricks_request_id = parsed_bodies.databricks_request_id
    left join served_entities
        on payloads.served_entity_id = served_entities.served_entity_id
    where not (parsed_bodies.is_feedback_request and payloads.request is not null)
),

final as (
    select
        databricks_request_id,
        client_request_id,
        request_date as date,
        {{ inference_tables.timestamp_to_epoch_ms('request_time') }} as timestamp_ms,
        request_time as timestamp,
        status_code,
        sampling_fraction,
        execution_duration_ms as execution_time_ms,
        case when request is not null then conversation_id end as conversation_id,
        case when request is not null then request_text end as request,
        case when response is not null then response_text end as response,
        request as request_raw,
        response as response_raw,
        case when response is not null then trace end as trace,
        {{ inference_tables.string_map(
            ['endpoint_name', 'model_name', 'model_version'],
            ['endpoint_name', 'model_name', 'model_version']
        ) }} as request_metadata,
        case when response is not null then schema_version else '0' end as schema_version
    from joined
)

select * from final
