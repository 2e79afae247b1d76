{#-
    The accounting invariant for the tested loads (first_tested_load: this build's on `dbt
    build`, the latest on `dbt test`): each of their lines is in exactly one of
    `payload` (as its request's first copy), `payload_duplicates` and `payload_quarantine`.
    Its cost follows the load: the tested lines, and the copies and payload rows ranked in the
    tested loads (a line's copy and its request's payload row are ranked again in the load
    that brings the line), are found by load id, which DuckDB prunes by row group. `payload`
    is read as `int_payload_rows`, the table it is a view of, for its load column.
    Returns each line found in no place or in several.
-#}
{%- set lines = ref(inference_tables.payload_lines_reader()) -%}
{%- set copies = ref('int_payload_copies_ranked') -%}
{%- set payload_rows = ref('int_payload_rows') -%}
with

tested_lines as (
    select
        file_id,
        line_number
    from {{ lines }}
    where
        load_id >= {{ inference_tables.first_tested_load(lines, 'load_id') }}
        and coalesce(read_error_reason, '') not in {{ inference_tables.file_row_reasons() }}
),

first_copies as (
    select
        copies.file_id,
        copies.line_number
    from {{ copies }} as copies
    inner join {{ payload_rows }} as payload_rows
        on copies.databricks_request_id = payload_rows.databricks_request_id
    where
        copies.copy_number = 1
        and copies.ranked_in_load
        >= {{ inference_tables.first_tested_load(copies, 'ranked_in_load') }}
        and payload_rows.ranked_in_load
        >= {{ inference_tables.first_tested_load(payload_rows, 'ranked_in_load') }}
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
        tested_lines.file_id,
        tested_lines.line_number,
        count(places.file_id) as place_count
    from tested_lines
    left join places
        on
            tested_lines.file_id = places.file_id
            and tested_lines.line_number = places.line_number
    group by tested_lines.file_id, tested_lines.line_number
)

select *
from counted
where place_count <> 1
