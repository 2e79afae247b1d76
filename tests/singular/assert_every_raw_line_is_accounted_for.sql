{#-
    SPEC §1 accounting invariant: non-blank raw lines = payload rows + duplicate rows +
    quarantined rows. Returns one row (the counts) when it does not hold.
-#}
with

counts as (
    select
        (select count(*) from {{ ref('stg_gateway__payload_lines') }}) as raw_lines,
        (select count(*) from {{ ref('payload') }}) as payload_rows,
        (select count(*) from {{ ref('payload_duplicates') }}) as duplicate_rows,
        (select count(*) from {{ ref('payload_quarantine') }}) as quarantined_rows
)

select *
from counts
where raw_lines <> payload_rows + duplicate_rows + quarantined_rows
