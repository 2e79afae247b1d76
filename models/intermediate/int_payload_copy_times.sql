{#-
    The request time of every copy of each request id: where a request's copies put it in
    time. The monitoring models recompute the windows of a request's copies when its winning
    copy changes (a request may leave a window). A view: read for a few request ids per run.
-#}
{{ config(materialized='view') }}

with

copies as (
    {#- Without the catalog name, the view still works in a copy or an attached file. #}
    select * from {{ ref('int_payload_copies_ranked').include(database=false) }}
),

lines as (
    select * from {{ ref('int_payload_lines_validated').include(database=false) }}
),

final as (
    select
        copies.databricks_request_id,
        copies.file_id,
        copies.line_number,
        copies.ranked_in_load,
        lines.request_time
    from copies
    inner join lines
        on
            copies.file_id = lines.file_id
            and copies.line_number = lines.line_number
)

select * from final
