{#-
    A condition on `request_time` keeping the rows an incremental monitoring run can need:
    those from the start of the earliest touched day (touched_monitoring_windows). Read when the model
    runs and written into its SQL as a literal, so DuckDB skips the row groups of older
    requests instead of reading the whole history to find the touched windows' rows.
-#}
{% macro touched_windows_time_bound(rebuilt_hours_relation) -%}
    {%- set bound_sql -%}
        select cast(min(window_start) as {{ dbt.type_string() }})
        from ({{ inference_tables.touched_monitoring_windows(rebuilt_hours_relation) }}) as touched
        where granularity = '1 day'
    {%- endset -%}
    {%- if not execute -%}
        {{- 'true' -}}
    {%- else -%}
        {%- set earliest = run_query(bound_sql).columns[0].values()[0] -%}
        {%- if earliest is none -%}
            {{- '1 = 0' -}}
        {%- else -%}
            {%- set bound = 'cast(' ~ dbt.string_literal(earliest) ~ ' as timestamp)' -%}
            {{- 'request_time >= ' ~ bound -}}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
