{#-
    The accounting invariant for the tested loads (first_tested_load: this build's on `dbt
    build`, the latest on `dbt test`): each of their lines is in exactly one of
    `payload` (as its request's first copy), `payload_duplicates` and `payload_quarantine`.
    It reads only those lines and looks them up by key, so its cost follows the load.
    Returns each line found in no place or in several.
-#}
with

raw_lines as (
    select
        file_id,
        line_number,
        load_id
    from {{ ref('stg_gateway__payload_lines') }}
    where coalesce(read_error_reason, '') not in {{ inference_tables.file_row_reasons() }}
),

tested_loads as (
    select {{ inference_tables.first_tested_load('raw_lines', 'load_id') }} as first_load_id
),

latest_lines as (
    select
        raw_lines.file_id,
        raw_lines.line_number
    from raw_lines
    inner join tested_loads
        on raw_lines.load_id >= tested_loads.first_load_id
),

first_copies as (
    select
        latest_lines.file_id,
        latest_lines.line_number
    from latest_lines
    inner join {{ ref('int_payload_copies_ranked') }} as copies
        on
            latest_lines.file_id = copies.file_id
            and latest_lines.line_number = copies.line_number
    inner join {{ ref('payload') }} as payload
        on copies.databricks_request_id = payload.databricks_request_id
    where copies.copy_number = 1
),

places as (
    {#- Quarantined lines and extra copies by key: counted joins them to the tested lines. #}
    select
        file_id,
        line_number
    from {{ ref('payload_quarantine') }}
    where quarantine_reason not in {{ inference_tables.file_row_reasons() }}
    union all
    select
        file_id,
        line_number
    from {{ ref('payload_duplicates') }}
    union all
    select * from first_copies
),

counted as (
    select
        latest_lines.file_id,
        latest_lines.line_number,
        count(places.file_id) as place_count
    from latest_lines
    left join places
        on
            latest_lines.file_id = places.file_id
            and latest_lines.line_number = places.line_number
    group by latest_lines.file_id, latest_lines.line_number
)

select *
from counted
where place_count <> 1
