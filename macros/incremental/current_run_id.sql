{#- The current dbt invocation as a number that grows from run to run: its start time in
    milliseconds since the epoch (a literal, the same in every model of the run). -#}
{% macro current_run_id() -%}
    cast({{ (run_started_at.timestamp() * 1000) | int }} as bigint)
{%- endmacro %}
