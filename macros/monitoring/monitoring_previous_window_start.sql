{#- The start of the window before the one starting at `window_start`, of `granularity`. -#}
{% macro monitoring_previous_window_start(window_start, granularity) -%}
    case {{ granularity }}
        {%- for name, unit in inference_tables.monitoring_granularities() %}
        when '{{ name }}' then {{ window_start }} - interval {{ name }}
        {%- endfor %}
    end
{%- endmacro %}
