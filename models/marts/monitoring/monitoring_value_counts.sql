{#-
    The value counts the monitoring tables are computed from (SPEC §7): per window (1 hour,
    1 day) and slice, the row count and how often each value of each monitored column occurs
    (monitoring_value_counts). Counted once here, read by the profile and drift metrics.
    Incremental: a run deletes and recounts the windows its rebuilt requests touch
    (touched_monitoring_windows).
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{{ inference_tables.delete_touched_monitoring_windows(
        ref('monitoring_rebuilt_request_hours'), window_start='window_start') }}",
    post_hook="{{ inference_tables.record_load_watermark(ref('inference_requests'), 'built_in_run') }}",
) }}

with

{% if is_incremental() -%}
touched_windows as (
    {{ inference_tables.touched_monitoring_windows(ref('monitoring_rebuilt_request_hours')) }}
),

{% endif -%}
requests as (
    select {{ inference_tables.monitoring_request_columns() | join(', ') }}
    from {{ ref('inference_requests') }}
    {% if is_incremental() -%}
        where {{ inference_tables.touched_windows_time_bound(
            ref('monitoring_rebuilt_request_hours')) }}
    {%- endif %}
),

windowed as (
    {{ inference_tables.monitoring_windowed_requests(
        'requests', 'touched_windows' if is_incremental() else none) }}
),

slice_rows as {{ inference_tables.inlined_cte() }} (
    {#- Eight rows per request (two windows, four slices), computed again by each reader: at
        3M lines, holding them in memory made the model 2.5 times slower. #}
    {{ inference_tables.monitoring_slice_rows('windowed') }}
),

value_counts as (
    {{ inference_tables.monitoring_value_counts('slice_rows') }}
)

select
    *,
    {{ inference_tables.current_run_id() }} as built_in_run
from value_counts
