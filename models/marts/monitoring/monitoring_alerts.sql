{#-
    The monitoring alerts (SPEC §7) on the latest complete day: per endpoint, its error rate,
    the PSI of its execution times against the day before, and its share of negative
    feedback, each against its threshold var, all read from the monitoring tables (the error
    and feedback alerts need status_class and feedback_verdict among the categorical columns,
    the PSI alert execution_time_ms among the numeric ones). An alert fires above its threshold when the
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

endpoint_profiles as (
    {#- The day's profile of each endpoint: its requests, status classes and verdicts. #}
    select
        profile.slice_value as endpoint_name,
        profile.column_name,
        profile.{{ adapter.quote('count') }} as value_count,
        profile.frequent_items
    from {{ ref('inference_requests_profile_metrics') }} as profile
    inner join latest_window
        on profile.{{ window_start }} = latest_window.window_start
    where
        profile.granularity = '1 day'
        and profile.slice_key = 'endpoint_name'
        and profile.column_name in (':table', 'status_class', 'feedback_verdict')
),

endpoint_items as (
    {#- Status classes and verdicts are few: their frequent items (top ten) are all of them. #}
    select
        endpoint_name,
        column_name,
        frequent_item.item,
        frequent_item.{{ adapter.quote('count') }} as item_count
    from (
        select
            endpoint_name,
            column_name,
            {{ inference_tables.explode_with_position(
                'frequent_items', 'frequent_item', 'item_position') }}
        from endpoint_profiles
        where column_name in ('status_class', 'feedback_verdict')
    ) as items
),

endpoint_item_counts as (
    select
        endpoint_name,
        sum(case when column_name = 'status_class' and item in ('4xx', '5xx') then item_count end)
            as error_count,
        sum(case when column_name = 'feedback_verdict' and item = 'negative' then item_count end)
            as negative_count
    from endpoint_items
    group by endpoint_name
),

endpoint_days as (
    select
        profiles.endpoint_name,
        max(case when profiles.column_name = ':table' then profiles.value_count end)
            as request_count,
        max(case when profiles.column_name = 'feedback_verdict' then profiles.value_count end)
            as verdict_count,
        coalesce(max(item_counts.error_count), 0) as error_count,
        coalesce(max(item_counts.negative_count), 0) as negative_count
    from endpoint_profiles as profiles
    left join endpoint_item_counts as item_counts
        on profiles.endpoint_name = item_counts.endpoint_name
    group by profiles.endpoint_name
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
        coalesce(verdict_count, 0) as sample_size,
        {{ var('alert_min_verdicts') }} as min_sample_size,
        cast(negative_count as {{ inference_tables.data_type('string') }}) || ' of '
        || cast(coalesce(verdict_count, 0) as {{ inference_tables.data_type('string') }})
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
