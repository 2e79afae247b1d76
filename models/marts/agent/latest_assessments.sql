{#-
    Review-app feedback deduplicated: the latest assessment per request, step, source and
    assessment (text, or retrieval at a position). "Latest" is the assessment of the feedback
    request with the latest request time; ties are broken by the greater feedback request id,
    then the later position inside the request, so the choice is deterministic. Incremental:
    a run recomputes the requests that a feedback request ranked again assesses now or
    assessed before (their latest assessment or repeat count may change).
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{{ inference_tables.delete_reassessed_requests(
        ref('int_feedback_assessed_request_ids')) }}",
    post_hook="{{ inference_tables.record_load_watermark(
        ref('int_feedback_assessed_request_ids'), 'ranked_in_load') }}",
) }}

with

assessments as (
    select logged.* from {{ ref('int_feedback_assessments_unnested') }} as logged
    {% if is_incremental() -%}
        where {{ inference_tables.is_reassessed_request('logged',
            ref('int_feedback_assessed_request_ids')) }}
    {%- endif %}
),

keyed as (
    select
        *,
        source.id as source_id,
        source.type as source_type,
        retrieval_assessment.position as retrieval_position
    from assessments
),

ranked as (
    select
        *,
        row_number() over latest_first as recency_rank,
        {#- No order here: with one, count(*) would be a running count. #}
        count(*) over assessment_identity as times_logged
    from keyed
    window
        assessment_identity as (
            partition by
                request_id, step_id, source_id, source_type, assessment_type, retrieval_position
        ),
        {#- The partition is written again: Spark cannot build a window on another. #}
        latest_first as (
            partition by
                request_id, step_id, source_id, source_type, assessment_type, retrieval_position
            order by
                request_time desc,
                databricks_request_id desc,
                record_position desc,
                assessment_position desc
        )
),

final as (
    select
        request_id,
        step_id,
        source_id,
        source_type,
        assessment_type,
        retrieval_position,
        cast(source as {{ inference_tables.assessment_source_type() }}) as source,
        request_time as timestamp,
        cast(text_assessment as {{ inference_tables.text_assessment_type() }}) as text_assessment,
        cast(retrieval_assessment as {{ inference_tables.retrieval_assessment_type() }})
            as retrieval_assessment,
        databricks_request_id as feedback_request_id,
        times_logged
    from ranked
    where recency_rank = 1
)

select * from final
