{#-
    Review-app feedback deduplicated: the latest assessment per request, step, source and
    assessment (text, or retrieval at a position). "Latest" is the assessment of the feedback
    request with the latest request time; ties are broken by the greater feedback request id,
    then the later position inside the request, so the choice is deterministic. A table (BI
    tools and request_feedback read it), rebuilt on every run.
-#}
with

assessments as (
    select * from {{ ref('int_feedback_assessments_unnested') }}
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
