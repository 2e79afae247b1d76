{#-
    The agent assessment logs (docs/input_format.md, payload_assessment_logs): every individual
    text or retrieval assessment logged by the review app, as logged (repeats included; see
    `latest_assessments`). The six Databricks columns have no key to merge on, but each row
    carries its feedback request's time: an incremental run deletes and rebuilds the rows at
    the times where a feedback request ranked again logs assessments now or logged them
    before (int_feedback_assessed_request_ids), so one that moved in time leaves none behind.
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{{ inference_tables.delete_rows_at_reassessed_times(
        ref('int_feedback_assessed_request_ids'), adapter.quote('timestamp')) }}",
    post_hook="{{ inference_tables.record_load_watermark(
        ref('int_feedback_assessed_request_ids'), 'ranked_in_load') }}",
) }}

with

assessments as (
    select * from {{ ref('int_feedback_assessments_unnested') }}
    {% if is_incremental() -%}
        where request_time in (
            {{ inference_tables.reassessed_values(
                ref('int_feedback_assessed_request_ids'), 'request_time') }}
        )
    {%- endif %}
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
