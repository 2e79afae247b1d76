{#-
    The agent assessment logs (docs/input_format.md, payload_assessment_logs): every individual text or retrieval assessment logged
    by the review app, as logged (repeats included; see `latest_assessments`). A table (BI tools
    read it) rebuilt from the incremental int_feedback_assessments_unnested on every run: the
    six Databricks columns have no key to merge on.
-#}
with

assessments as (
    select * from {{ ref('int_feedback_assessments_unnested') }}
),

final as (
    select
        request_id,
        step_id,
        cast(source as {{ inference_tables.assessment_source_type() }}) as source,
        request_time as timestamp,
        cast(text_assessment as {{ inference_tables.text_assessment_type() }}) as text_assessment,
        cast(retrieval_assessment as {{ inference_tables.retrieval_assessment_type() }})
            as retrieval_assessment
    from assessments
)

select * from final
