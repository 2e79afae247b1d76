{#-
    The earliest run of inference_requests after the current model's watermark (its
    `built_in_run`), read when the model runs and written into its SQL as a number (the
    current run when there is none): the copies ranked in that run's loads or later are the
    last rows of int_payload_copies_ranked, which DuckDB reads without the rest.
-#}
{% macro earliest_rebuilding_run(requests_relation) -%}
    {%- set earliest_sql -%}
        select min(built_in_run)
        from {{ requests_relation }}
        where built_in_run > {{ inference_tables.load_watermark() }}
    {%- endset -%}
    {%- if not execute -%}
        {{- inference_tables.current_run_id() -}}
    {%- else -%}
        {%- set earliest = run_query(earliest_sql).columns[0].values()[0] -%}
        {{- (earliest | int) if earliest is not none else inference_tables.current_run_id() -}}
    {%- endif -%}
{%- endmacro %}
