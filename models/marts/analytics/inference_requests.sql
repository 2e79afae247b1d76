{#-
    The wide fact for dashboards: one row per served request (the rows of
    `payload_request_logs`; review-app feedback submissions are in `request_feedback`), with
    its endpoint and served entity, requester, status class, latency, tokens, streaming,
    oversize flags, conversation and the reviewers' verdict. Incremental: a run rebuilds the
    request ids ranked again, and the requests whose verdict in `request_feedback` is not the
    one held (new, changed or gone).
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    unique_key='databricks_request_id',
    pre_hook="{{ inference_tables.delete_reranked_requests(ref('int_payload_copies_ranked')) }}",
    post_hook="{{ inference_tables.record_load_watermark(
        ref('int_payload_copies_ranked'), 'ranked_in_load') }}",
) }}

with

request_logs as (
    {#- The rows of `payload_request_logs`, read from the payload rows it is a view of, with
        the same names (request_metadata_name): building the view's request_metadata map and
        reading it back, and joining `endpoint_usage` and `payload` (the same rows again),
        took half of this model's time (3 of 6 s at 3M lines). #}
    select * from {{ ref('int_payload_rows') }}
    {% if is_incremental() -%}
        where databricks_request_id in ({{ inference_tables.verdict_touched_request_ids(
            ref('int_payload_copies_ranked'), ref('request_feedback')) }})
    {%- endif %}
),

served_entities as (
    select * from {{ ref('current_served_entities') }}
),

feedback as (
    select * from {{ ref('request_feedback') }}
),

joined as (
    select
        request_logs.databricks_request_id,
        request_logs.client_request_id,
        request_logs.conversation_id,
        request_logs.served_entity_id,
        {{ inference_tables.request_metadata_name(
            'endpoint_name', 'request_logs', 'served_entities') }} as endpoint_name,
        served_entities.served_entity_name,
        {{ inference_tables.request_metadata_name(
            'model_name', 'request_logs', 'served_entities') }} as entity_name,
        {{ inference_tables.request_metadata_name(
            'model_version', 'request_logs', 'served_entities') }} as entity_version,
        served_entities.entity_type,
        request_logs.requester,
        feedback.feedback_verdict,
        request_logs.status_code,
        request_logs.execution_duration_ms as execution_time_ms,
        request_logs.input_token_count,
        request_logs.output_token_count,
        request_logs.input_character_count,
        request_logs.output_character_count,
        request_logs.sampling_fraction,
        request_logs.is_streaming as request_streaming,
        array_contains(request_logs.logging_error_codes, 'MAX_REQUEST_SIZE_EXCEEDED')
            as is_request_oversize,
        array_contains(request_logs.logging_error_codes, 'MAX_RESPONSE_SIZE_EXCEEDED')
            as is_response_oversize,
        request_logs.request_date,
        request_logs.request_time
    from request_logs
    left join served_entities
        on request_logs.served_entity_id = served_entities.served_entity_id
    left join feedback
        on request_logs.databricks_request_id = feedback.request_id
    where not request_logs.is_feedback_request
),

final as (
    select
        -- ids
        databricks_request_id,
        client_request_id,
        conversation_id,
        served_entity_id,
        -- strings
        endpoint_name,
        served_entity_name,
        entity_name,
        entity_version,
        entity_type,
        requester,
        case
            when status_code < 200 then '1xx'
            when status_code < 300 then '2xx'
            when status_code < 400 then '3xx'
            when status_code < 500 then '4xx'
            else '5xx'
        end as status_class,
        feedback_verdict,
        -- numbers
        status_code,
        execution_time_ms,
        input_token_count,
        output_token_count,
        input_token_count + output_token_count as total_token_count,
        input_character_count,
        output_character_count,
        sampling_fraction,
        -- booleans
        status_code >= 400 as is_error,
        request_streaming as is_streaming,
        coalesce(is_request_oversize, false) as is_request_oversize,
        coalesce(is_response_oversize, false) as is_response_oversize,
        feedback_verdict is not null as has_feedback_verdict,
        -- dates and timestamps
        request_date,
        request_time,
        -- the run that built the row, for the incremental monitoring models
        {{ inference_tables.current_run_id() }} as built_in_run
    from joined
)

select * from final
