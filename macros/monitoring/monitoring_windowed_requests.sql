{#-
    SQL of the rows of `requests` (a CTE or relation of inference_requests) in their monitoring
    windows: every column, plus granularity and window_start, one row per granularity. With
    `windows` (a CTE of (granularity, window_start)), only the rows of those windows.
-#}
{% macro monitoring_windowed_requests(requests, windows=none) -%}
    {%- for granularity, unit in inference_tables.monitoring_granularities() %}
    select
        {{ requests }}.*,
        '{{ granularity }}' as granularity,
        date_trunc('{{ unit }}', {{ requests }}.request_time) as window_start
    from {{ requests }}
    {%- if windows is not none %}
    inner join {{ windows }}
        on
            {{ windows }}.granularity = '{{ granularity }}'
            and date_trunc('{{ unit }}', {{ requests }}.request_time) = {{ windows }}.window_start
    {%- endif %}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}
