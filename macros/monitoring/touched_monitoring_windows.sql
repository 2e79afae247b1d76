{#-
    The windows an incremental monitoring run recomputes, as rows (granularity, window_start):
    those of the hours touched by the runs of inference_requests since the model's watermark
    (monitoring_rebuilt_request_hours: its new, ranked-again or re-judged requests, at their request
    time now and at each of their copies').
-#}
{% macro touched_monitoring_windows(rebuilt_hours_relation) -%}
    select distinct
        granularities.granularity,
        case granularities.granularity
            {%- for granularity, unit in inference_tables.monitoring_granularities() %}
            when '{{ granularity }}' then date_trunc('{{ unit }}', rebuilt_hours.hour_start)
            {%- endfor %}
        end as window_start
    from {{ rebuilt_hours_relation }} as rebuilt_hours
    cross join (
        {%- for granularity, unit in inference_tables.monitoring_granularities() %}
        select '{{ granularity }}' as granularity
        {{- ' union all' if not loop.last }}
        {%- endfor %}
    ) as granularities
    where rebuilt_hours.built_in_run > {{ inference_tables.load_watermark() }}
{%- endmacro %}

{#- Pre-hook of the monitoring models: deletes the rows of the windows the run recomputes, and
    with `with_following_windows` those of the window after each (the drift metrics' CONSECUTIVE
    rows there compare against a touched window). `window_start` is the column (or expression of
    the row `monitored`) holding a row's window start; by default the start of its `window`.
    The windows are matched with `in`, not a correlated `exists`: DuckDB then filters the table's
    scan by them (skipping the row groups of other windows) instead of joining every row. -#}
{% macro delete_touched_monitoring_windows(rebuilt_hours_relation,
    with_following_windows=false, window_start=none) -%}
    {%- if is_incremental() -%}
        delete from {{ this }} as monitored
        where (
            monitored.granularity,
            monitored.{{ window_start or adapter.quote('window') ~ '.start' }}
        ) in (
            {%- set touched = '(' ~ inference_tables.touched_monitoring_windows(
                rebuilt_hours_relation) ~ ') as touched' %}
            {%- if with_following_windows %}
            {{ inference_tables.monitoring_windows_and_neighbours(touched, 'next') }}
            {%- else %}
            select granularity, window_start from {{ touched }}
            {%- endif %}
        )
    {%- endif -%}
{%- endmacro %}

{#- SQL of the windows (granularity, window_start) of `windows` (a relation, a CTE, or a
    subquery with its alias) and, for each, its `neighbour`: the window after it ('next') or
    before it ('previous'), of the same granularity. -#}
{% macro monitoring_windows_and_neighbours(windows, neighbour) -%}
    select granularity, window_start from {{ windows }}
    union
    select
        granularity,
        {% if neighbour == 'next' -%}
            {{ inference_tables.monitoring_window_end('window_start', 'granularity') }}
        {%- else -%}
            {{ inference_tables.monitoring_previous_window_start('window_start', 'granularity') }}
        {%- endif %} as window_start
    from {{ windows }}
{%- endmacro %}
