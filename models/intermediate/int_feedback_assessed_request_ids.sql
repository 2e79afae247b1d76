{#-
    Every (feedback request, assessed request, feedback request time) that review-app
    assessments have logged, append-only, stamped with the load that ranked the feedback
    request. When a feedback request is ranked again, its current triples are appended with the
    new load, and so are those it held before (its old assessments are gone from
    int_feedback_assessments_unnested by then): the models after it recompute every request
    it assesses now or assessed before (latest_assessments) and every request time its
    assessments were logged at, now or before (payload_assessment_logs).
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    incremental_strategy='append',
    post_hook="{{ inference_tables.record_load_watermark(ref('int_payload_rows'), 'ranked_in_load') }}",
) }}

with

assessments as (
    select * from {{ ref('int_feedback_assessments_unnested') }}
),

ranked_requests as (
    select
        databricks_request_id,
        ranked_in_load
    from {{ ref('int_payload_rows') }}
    {{ inference_tables.ranked_since_watermark_filter() }}
),

current_pairs as (
    select distinct
        assessments.databricks_request_id,
        assessments.request_id,
        assessments.request_time,
        ranked_requests.ranked_in_load
    from ranked_requests
    inner join assessments
        on ranked_requests.databricks_request_id = assessments.databricks_request_id
),

{% if is_incremental() -%}
earlier_pairs as (
    select
        held.databricks_request_id,
        held.request_id,
        held.request_time,
        ranked_requests.ranked_in_load
    from ranked_requests
    inner join {{ this }} as held
        on ranked_requests.databricks_request_id = held.databricks_request_id
),

{% endif -%}
final as (
    select * from current_pairs
    {%- if is_incremental() %}
    union
    select * from earlier_pairs
    {%- endif %}
)

select * from final
