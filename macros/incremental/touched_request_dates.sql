{#-
    SQL for the UTC dates an incremental run of a daily rollup of `inference_requests`
    recomputes: the days of the monitoring windows its rebuilt requests touch
    (touched_monitoring_windows over monitoring_rebuilt_request_hours).
-#}
{% macro touched_request_dates(rebuilt_hours_relation) -%}
    select cast(window_start as date) as request_date
    from ({{ inference_tables.touched_monitoring_windows(rebuilt_hours_relation) }}) as touched
    where granularity = '1 day'
{%- endmacro %}
