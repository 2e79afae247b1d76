{#- The profile windows (SPEC §7): granularity name, and the date_trunc unit that starts its
    window, as [(granularity, unit), ...]. -#}
{% macro monitoring_granularities() -%}
    {{ return([('1 hour', 'hour'), ('1 day', 'day')]) }}
{%- endmacro %}
