{#- The exclusive end of a monitoring window, from its start and granularity ('1 hour', ...). -#}
{% macro monitoring_window_end(window_start, granularity) -%}
    case {{ granularity }}
        {%- for name, unit in inference_tables.monitoring_granularities() %}
        when '{{ name }}' then {{ window_start }} + interval {{ name }}
        {%- endfor %}
    end
{%- endmacro %}
