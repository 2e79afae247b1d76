{#-
    pre-hook of a daily rollup of `inference_requests` (endpoint_daily_usage): delete its rows
    of the dates the run recomputes (touched_request_dates). Runs in the model's transaction;
    nothing to do on a full build.
-#}
{% macro delete_touched_request_dates(rebuilt_hours_relation) -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where request_date in (
            {{ inference_tables.touched_request_dates(rebuilt_hours_relation) }}
        )
    {%- endif -%}
{%- endmacro %}
