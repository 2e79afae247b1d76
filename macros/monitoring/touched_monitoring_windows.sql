{#-
    The windows an incremental monitoring run recomputes, as rows (granularity, window_start):
    those of the requests `inference_requests` rebuilt since the model's watermark (new,
    ranked again, or with a new verdict), at their request time now and at the request time
    of each of their copies (a request whose winning copy changed may have left a window).
-#}
{% macro touched_monitoring_windows(requests_relation, copy_times_relation) -%}
    {%- set rebuilt -%}
        select databricks_request_id, request_time
        from {{ requests_relation }}
        where built_in_run > {{ inference_tables.load_watermark() }}
    {%- endset -%}
    {#- The request times are read once, then cut into each granularity's windows. #}
    select distinct
        granularities.granularity,
        case granularities.granularity
            {%- for granularity, unit in inference_tables.monitoring_granularities() %}
            when '{{ granularity }}' then date_trunc('{{ unit }}', request_times.request_time)
            {%- endfor %}
        end as window_start
    from (
        select request_time from ({{ rebuilt }}) as rebuilt_requests
        union all
        select copy_times.request_time
        from {{ copy_times_relation }} as copy_times
        where copy_times.databricks_request_id in (
            select databricks_request_id from ({{ rebuilt }}) as rebuilt_ids
        )
    ) as request_times
    cross join (
        {%- for granularity, unit in inference_tables.monitoring_granularities() %}
        select '{{ granularity }}' as granularity
        {{- ' union all' if not loop.last }}
        {%- endfor %}
    ) as granularities
    where request_times.request_time is not null
{%- endmacro %}

{#- Pre-hook of the monitoring models: deletes the rows of the windows the run recomputes, and
    with `with_following_windows` those of the window after each (the drift metrics' CONSECUTIVE
    rows there compare against a touched window). -#}
{% macro delete_touched_monitoring_windows(requests_relation, copy_times_relation,
    with_following_windows=false) -%}
    {%- if is_incremental() -%}
        delete from {{ this }} as monitored
        where exists (
            select 1
            from ({{ inference_tables.touched_monitoring_windows(
                requests_relation, copy_times_relation) }}) as touched
            where
                touched.granularity = monitored.granularity
                and monitored.{{ adapter.quote('window') }}.start in (
                    touched.window_start
                    {%- if with_following_windows %},
                    {{ inference_tables.monitoring_window_end(
                        'touched.window_start', 'touched.granularity') }}
                    {%- endif %}
                )
        )
    {%- endif -%}
{%- endmacro %}
