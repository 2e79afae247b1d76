{#-
    The AI Gateway-enabled inference payload table (docs/input_format.md, payload): the columns
    of `int_payload_rows`, which holds the rows and the load that ranked each.
-#}
{{ config(materialized='view') }}

with

payload_rows as (
    {#- Without the catalog name, the view still works in a copy or an attached file. #}
    select * from {{ ref('int_payload_rows').include(database=false) }}
),

final as (
    select
        request_date,
        databricks_request_id,
        client_request_id,
        request_time,
        status_code,
        sampling_fraction,
        execution_duration_ms,
        request,
        response,
        served_entity_id,
        logging_error_codes,
        requester
    from payload_rows
)

select * from final
