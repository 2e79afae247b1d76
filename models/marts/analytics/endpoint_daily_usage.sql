{#-
    Daily rollup for dashboards: one row per UTC day, endpoint and served entity (an unknown
    endpoint or entity is NULL, as in `inference_requests`, and grouped as one), from
    `inference_requests`. Counts are of
    logged requests; `estimated_request_count` scales them up by `sampling_fraction`.
    Percentiles interpolate between the nearest ranks (percentile_cont) over the requests that
    have an execution time, rounded to microseconds. Feedback rates are shares of the requests
    that have a positive, negative or mixed verdict; NULL when none has. Incremental: a run
    recomputes the days its rebuilt requests touch (touched_request_dates).
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{{ inference_tables.delete_touched_request_dates(
        ref('monitoring_rebuilt_request_hours')) }}",
    post_hook="{{ inference_tables.record_load_watermark(ref('inference_requests'), 'built_in_run') }}",
) }}

with

requests as (
    select * from {{ ref('inference_requests') }}
    {% if is_incremental() -%}
        where request_date in (
            {{ inference_tables.touched_request_dates(ref('monitoring_rebuilt_request_hours')) }}
        )
    {%- endif %}
),

grouped as (
    select
        request_date,
        endpoint_name,
        served_entity_id,
        max(entity_name) as entity_name,
        max(entity_version) as entity_version,
        max(entity_type) as entity_type,
        count(*) as request_count,
        sum(1.0 / coalesce(sampling_fraction, 1.0)) as estimated_request_count,
        sum(case when status_class = '2xx' then 1 else 0 end) as success_count,
        sum(case when status_class = '4xx' then 1 else 0 end) as client_error_count,
        sum(case when status_class = '5xx' then 1 else 0 end) as server_error_count,
        sum(case when status_class in ('1xx', '3xx') then 1 else 0 end) as other_status_count,
        percentile_cont(0.50) within group (order by execution_time_ms) as p50_execution_time_ms,
        percentile_cont(0.95) within group (order by execution_time_ms) as p95_execution_time_ms,
        percentile_cont(0.99) within group (order by execution_time_ms) as p99_execution_time_ms,
        sum(input_token_count) as input_token_count,
        sum(output_token_count) as output_token_count,
        sum(case when is_streaming then 1 else 0 end) as streaming_request_count,
        sum(case when is_request_oversize or is_response_oversize then 1 else 0 end)
            as oversize_request_count,
        sum(case when has_feedback_verdict then 1 else 0 end) as feedback_request_count,
        sum(case when feedback_verdict = 'positive' then 1 else 0 end) as positive_feedback_count,
        sum(case when feedback_verdict = 'negative' then 1 else 0 end) as negative_feedback_count
    from requests
    group by 1, 2, 3
),

final as (
    select
        -- ids and names
        request_date,
        endpoint_name,
        served_entity_id,
        entity_name,
        entity_version,
        entity_type,
        -- request and status counts
        cast(request_count as {{ dbt.type_bigint() }}) as request_count,
        cast(estimated_request_count as double) as estimated_request_count,
        cast(success_count as {{ dbt.type_bigint() }}) as success_count,
        cast(client_error_count as {{ dbt.type_bigint() }}) as client_error_count,
        cast(server_error_count as {{ dbt.type_bigint() }}) as server_error_count,
        cast(other_status_count as {{ dbt.type_bigint() }}) as other_status_count,
        cast(client_error_count + server_error_count as double) / request_count
            as error_rate,
        -- latency
        round(p50_execution_time_ms, 3) as p50_execution_time_ms,
        round(p95_execution_time_ms, 3) as p95_execution_time_ms,
        round(p99_execution_time_ms, 3) as p99_execution_time_ms,
        -- tokens
        cast(input_token_count as {{ dbt.type_bigint() }}) as input_token_count,
        cast(output_token_count as {{ dbt.type_bigint() }}) as output_token_count,
        -- streaming and size
        cast(streaming_request_count as {{ dbt.type_bigint() }}) as streaming_request_count,
        cast(streaming_request_count as double) / request_count
            as streaming_share,
        cast(oversize_request_count as {{ dbt.type_bigint() }}) as oversize_request_count,
        -- feedback
        cast(feedback_request_count as {{ dbt.type_bigint() }}) as feedback_request_count,
        cast(positive_feedback_count as {{ dbt.type_bigint() }}) as positive_feedback_count,
        cast(negative_feedback_count as {{ dbt.type_bigint() }}) as negative_feedback_count,
        cast(positive_feedback_count as double)
        / nullif(feedback_request_count, 0) as positive_feedback_rate,
        cast(negative_feedback_count as double)
        / nullif(feedback_request_count, 0) as negative_feedback_rate
    from grouped
)

select * from final
