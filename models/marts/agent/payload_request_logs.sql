{#-
    The agent request logs (docs/payload_formats.md): one row per payload row that is not
    review-app feedback, whatever its status code, with the last user query and the last answer
    extracted from the bodies as `payload` holds them (a body nulled by the size limit gives
    NULL). A view of `int_payload_rows`, which holds the bodies and what was extracted from
    them, so the bodies are stored once; the served entity is the current one.
-#}
{{ config(materialized='view') }}

with

payload_rows as (
    {#- Without the catalog name, the view still works in a copy or an attached file. #}
    select * from {{ ref('int_payload_rows').include(database=false) }}
),

served_entities as (
    select * from {{ ref('current_served_entities').include(database=false) }}
),

joined as (
    select
        payload_rows.*,
        {{ inference_tables.request_metadata_name(
            'endpoint_name', 'payload_rows', 'served_entities') }} as endpoint_name,
        {{ inference_tables.request_metadata_name(
            'model_name', 'payload_rows', 'served_entities') }} as model_name,
        {{ inference_tables.request_metadata_name(
            'model_version', 'payload_rows', 'served_entities') }} as model_version
    from payload_rows
    left join served_entities
        on payload_rows.served_entity_id = served_entities.served_entity_id
    where not payload_rows.is_feedback_request
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
        conversation_id,
        request_text as request,
        response_text as response,
        request as request_raw,
        response as response_raw,
        trace,
        {{ inference_tables.string_map(
            ['endpoint_name', 'model_name', 'model_version'],
            ['endpoint_name', 'model_name', 'model_version']
        ) }} as request_metadata,
        schema_version
    from joined
)

select * from final
