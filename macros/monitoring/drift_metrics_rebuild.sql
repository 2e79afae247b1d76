{#-
    Whether an incremental run of the drift metrics recomputes every window rather than those
    its new requests touch: when the BASELINE rows no longer hold (the baseline vars changed
    or were unset, new requests landed in the baseline window) or are missing (the baseline
    was just set, and holds requests). False on a full build, which computes everything.
-#}
{% macro drift_metrics_rebuild(requests_relation, rebuilt_hours_relation) -%}
    {%- if not (execute and is_incremental()) -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set baseline = inference_tables.monitoring_baseline() -%}
    {%- set compared_start = adapter.quote('window_cmp') ~ '.start' -%}
    {%- set compared_end = adapter.quote('window_cmp') ~ '.' ~ adapter.quote('end') -%}
    {%- set check -%}
        select
            (
                select count(*) from {{ this }}
                where
                    drift_type = 'BASELINE'
                    {%- if baseline %}
                    and not (
                        {{ compared_start }} = {{ baseline.start }}
                        and {{ compared_end }} = {{ baseline['end'] }}
                    )
                    {%- endif %}
            ) as stale_rows,
            {%- if baseline %}
            (select count(*) from {{ this }} where drift_type = 'BASELINE') as baseline_rows,
            (
                select count(*) from {{ requests_relation }}
                where request_time >= {{ baseline.start }} and request_time < {{ baseline['end'] }}
            ) as baseline_requests,
            (
                select count(*)
                from ({{ inference_tables.touched_monitoring_windows(rebuilt_hours_relation) }})
                    as touched
                where
                    touched.granularity = '1 hour'
                    and touched.window_start < {{ baseline['end'] }}
                    and touched.window_start + interval 1 hour > {{ baseline.start }}
            ) as touched_baseline_hours
            {%- else %}
            0 as baseline_rows, 0 as baseline_requests, 0 as touched_baseline_hours
            {%- endif %}
    {%- endset -%}
    {%- set row = run_query(check).rows[0] -%}
    {{ return(row[0] > 0 or (row[1] == 0 and row[2] > 0) or row[3] > 0) }}
{%- endmacro %}

{#- Pre-hook of the drift metrics: deletes the rows the run recomputes: every row when
    drift_metrics_rebuild, else those of the touched windows and of the windows after them
    (their CONSECUTIVE rows compare against the touched ones). -#}
{% macro delete_recomputed_drift_rows(requests_relation, rebuilt_hours_relation) -%}
    {%- if is_incremental() -%}
        {%- if inference_tables.drift_metrics_rebuild(requests_relation, rebuilt_hours_relation) -%}
            delete from {{ this }}
        {%- else -%}
            {{ inference_tables.delete_touched_monitoring_windows(
                rebuilt_hours_relation, with_following_windows=true) }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
