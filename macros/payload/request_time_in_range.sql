{#- the Times rule (docs/input_format.md): a request time (UTC timestamp) when it falls in the years 1900-9999, else NULL. -#}
{% macro request_time_in_range(ts) -%}
    {{ inference_tables.let(ts, 'request_time_value',
        "case when request_time_value >= cast('1900-01-01 00:00:00' as timestamp)"
        ~ " and request_time_value <= cast('9999-12-31 23:59:59.999999' as timestamp)"
        ~ " then request_time_value end") }}
{%- endmacro %}
