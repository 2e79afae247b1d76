{#-
    Every (feedback request, assessed request) pair the review app's assessments have logged,
    kept after the feedback request's assessments change: append-only. When a feedback request
    is ranked again, `latest_assessments` recomputes every request it assesses now or assessed
    before; its old assessments are gone from int_feedback_assessments_unnested by then.
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    incremental_strategy='append',
    post_hook="{{ inference_tables.record_load_watermark(
        ref('int_payload_copies_ranked'), 'ranked_in_load') }}",
) }}

with

assessments as (
    select * from {{ ref('int_feedback_assessments_unnested') }}
    {% if is_incremental() -%}
        where databricks_request_id in (
            {{ inference_tables.reranked_request_ids(ref('int_payload_copies_ranked')) }}
        )
    {%- endif %}
),

pairs as (
    select distinct
        databricks_request_id,
        request_id
    from assessments
),

final as (
    select pairs.*
    from pairs
    {% if is_incremental() -%}
        where not exists (
            select 1
            from {{ this }} as held
            where
                pairs.databricks_request_id = held.databricks_request_id
                and pairs.request_id is not distinct from held.request_id
        )
    {%- endif %}
)

select * from final
