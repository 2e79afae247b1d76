{#-
    The hours each run of inference_requests touched, append-only: for every request it
    rebuilt (new, ranked again, or with a new verdict), the hour of its request time and of
    each of its copies' (a request whose winning copy changed may have left an hour), with
    the run that rebuilt it. The models that roll inference_requests up by time (monitoring
    windows, days) recompute the hours and days of the runs after their watermark: a few rows
    to read, where finding the copies' times again in every model read the whole history.
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    incremental_strategy='append',
    post_hook="{{ inference_tables.record_load_watermark(ref('inference_requests'), 'built_in_run') }}",
) }}

with

rebuilt_requests as (
    select
        databricks_request_id,
        request_time,
        built_in_run
    from {{ ref('inference_requests') }}
    {% if is_incremental() -%}
        where built_in_run > {{ inference_tables.load_watermark() }}
    {%- endif %}
),

copy_times as (
    {#- A request's winning copy, hence its time, changes only when its copies are ranked
        again, in a load of the run that rebuilt it (load ids are never below their run's
        start, built_in_run). So only the copies ranked since the earliest such run are
        read, the last rows of the table; the join below keeps the rebuilt requests'. #}
    select
        databricks_request_id,
        request_time
    from {{ ref('int_payload_copy_times') }}
    {% if is_incremental() -%}
        where ranked_in_load >= {{
            inference_tables.earliest_rebuilding_run(ref('inference_requests')) }}
    {%- endif %}
),

request_times as (
    select
        built_in_run,
        request_time
    from rebuilt_requests
    union all
    select
        rebuilt_requests.built_in_run,
        copy_times.request_time
    from rebuilt_requests
    inner join copy_times
        on rebuilt_requests.databricks_request_id = copy_times.databricks_request_id
),

final as (
    select distinct
        built_in_run,
        date_trunc('hour', request_time) as hour_start
    from request_times
    where request_time is not null
)

select * from final
