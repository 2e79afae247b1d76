{#-
    The monitoring alerts (SPEC §7) on the latest complete day: per endpoint, its error rate,
    the PSI of its execution times against the day before, and its share of negative
    feedback, each against its threshold var. An alert fires above its threshold when the
    day holds enough requests (or verdicts) to judge; the warn tests on this model
    (alert_is_quiet) report the firing ones.
-#}
{{ config(materialized='table') }}
{%- set as_of = var('monitoring_alerts_as_of', none) -%}
{%- set as_of_sql = "cast(" ~ inference_tables.string_literal(as_of) ~ " as timestamp)"
    if as_of else "cast('" ~ run_started_at.strftime('%Y-%m-%d %H:%M:%S') ~ "' as timestamp)" -%}
{%- set window_start = adapter.quote('window') ~ '.start' -%}
{%- set window_end = adapter.quote('window') ~ '.' ~ adapter.quote('end') -%}

with

latest_window as (
    {#- The latest day that has ended by the build (or by monitoring_alerts_as_of). #}
    select
        max({{ window_start }}) as window_start,
        max({{ window_end }}) as window_end
    from {{ ref('inference_requests_profile_metrics') }}
    where
        granularity = '1 day'
        and slice_key is null
        and column_name = ':table'
        and {{ window_end }} <= {{ as_of_sql }}
),

endpoint_days as (
    select
        requests.endpoint_name,
        count(*) as request_count,
        count(case when requests.is_error then 1 end) as error_count,
        count(requests.feedback_verdict) as verdict_count,
        count(case when requests.feedback_verdict = 'negative' then 1 end) as negative_count
    from {{ ref('inference_requests') }} as requests
    inner join latest_window
        on
            requests.request_time >= latest_window.window_start
            and requests.request_time < latest_window.window_end
    where requests.endpoint_name is not null
    group by requests.endpoint_name
),

execution_drift as (
    select
        drift.slice_value as endpoint_name,
        drift.population_stability_index,
        {{ inference_tables.list_element('current_profile.quantiles', 9) }} as current_p95,
        {{ inference_tables.list_element('compared_profile.quantiles', 9) }} as compared_p95
    from {{ ref('inference_requests_drift_metrics') }} as drift
    inner join latest_window
        on drift.{{ window_start }} = latest_window.window_start
    inner join {{ ref('inference_requests_profile_metrics') }} as current_profile
        on
            current_profile.{{ window_start }} = drift.{{ window_start }}
            and current_profile.granularity = drift.granularity
            and current_profile.slice_key = drift.slice_key
            and current_profile.slice_value = drift.slice_value
            and current_profile.column_name = drift.column_name
    inner join {{ ref('inference_requests_profile_metrics') }} as compared_profile
        on
            compared_profile.{{ window_start }} = drift.{{ adapter.quote('window_cmp') }}.start
            and compared_profile.granularity = drift.granularity
            and compared_profile.slice_key = drift.slice_key
            and compared_profile.slice_value = drift.slice_value
            and compared_profile.column_name = drift.column_name
    where
        drift.granularity = '1 day'
        and drift.drift_type = 'CONSECUTIVE'
        and drift.slice_key = 'endpoint_name'
        and drift.column_name = 'execution_time_ms'
),

measured as (
    select
        'error_rate' as alert_name,
        endpoint_name,
        cast(error_count as double) / request_count as metric_value,
        {{ var('alert_error_rate_threshold') }} as threshold,
        request_count as sample_size,
        {{ var('alert_min_requests') }} as min_sample_size,
        cast(error_count as {{ inference_tables.data_type('string') }}) || ' of '
        || cast(request_count as {{ inference_tables.data_type('string') }})
        || ' requests failed' as detail
    from endpoint_days
    union all
    select
        'execution_time_psi' as alert_name,
        endpoint_days.endpoint_name,
        execution_drift.population_stability_index as metric_value,
        {{ var('alert_execution_time_psi_threshold') }} as threshold,
        endpoint_days.request_count as sample_size,
        {{ var('alert_min_requests') }} as min_sample_size,
        'p95 execution time '
        || cast(round(execution_drift.compared_p95) as {{ inference_tables.data_type('bigint') }})
        || ' ms the day before, '
        || cast(round(execution_drift.current_p95) as {{ inference_tables.data_type('bigint') }})
        || ' ms' as detail
    from endpoint_days
    inner join execution_drift
        on endpoint_days.endpoint_name = execution_drift.endpoint_name
    union all
    select
        'negative_feedback_share' as alert_name,
        endpoint_name,
        cast(negative_count as double) / nullif(verdict_count, 0) as metric_value,
        {{ var('alert_negative_feedback_share_threshold') }} as threshold,
        verdict_count as sample_size,
        {{ var('alert_min_verdicts') }} as min_sample_size,
        cast(negative_count as {{ inference_tables.data_type('string') }}) || ' of '
        || cast(verdict_count as {{ inference_tables.data_type('string') }})
        || ' verdicts negative' as detail
    from endpoint_days
),

final as (
    select
        measured.alert_name,
        '1 day' as granularity,
        latest_window.window_start,
        latest_window.window_end,
        measured.endpoint_name,
        cast(measured.metric_value as double) as metric_value,
        cast(measured.threshold as double) as threshold,
        cast(measured.sample_size as bigint) as sample_size,
        coalesce(
            measured.metric_value > measured.threshold
            and measured.sample_size >= measured.min_sample_size,
            false
        ) as is_firing,
        measured.detail
    from measured
    cross join latest_window
)

select * from final
