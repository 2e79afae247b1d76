{#-
    An alert (SPEC §7): fails with the firing rows of `alert_name` in `model` (the monitoring
    alerts), and prints each one (alert, endpoint, window, value against threshold), since dbt
    itself prints only how many rows failed. Give it severity `warn`: the build goes on.
-#}
{% test alert_is_quiet(model, alert_name) %}
    {%- set firing_sql -%}
        select endpoint_name, window_start, window_end, metric_value, threshold, detail
        from {{ model }}
        where is_firing and alert_name = {{ inference_tables.string_literal(alert_name) }}
        order by endpoint_name
    {%- endset -%}
    {%- if execute and flags.WHICH in ('test', 'build') -%}
        {%- for row in run_query(firing_sql).rows -%}
            {{ log('ALERT ' ~ alert_name ~ ': endpoint ' ~ row[0] ~ ', window ' ~ row[1]
                ~ ' to ' ~ row[2] ~ ': ' ~ '%.4g' | format(row[3]) ~ ' > threshold '
                ~ row[4] ~ ' (' ~ row[5] ~ ')', info=true) }}
        {%- endfor -%}
    {%- endif -%}
    {{ firing_sql }}
{% endtest %}
