{#-
    Accounting invariant (docs/input_format.md): non-blank raw lines = payload rows + duplicate rows +
    quarantined lines. File rows (a raw file that could not be read, raw_line NULL) are not
    lines. Returns one row (the counts) when it does not hold.
-#}
with

counts as (
    select
        (
            select count(*) from {{ ref('stg_gateway__payload_lines') }}
            where raw_line is not null
        ) as raw_lines,
        (select count(*) from {{ ref('payload') }}) as payload_rows,
        (select count(*) from {{ ref('payload_duplicates') }}) as duplicate_rows,
        (
            select count(*) from {{ ref('payload_quarantine') }}
            where raw_line is not null
        ) as quarantined_rows
)

select *
from counts
where raw_lines <> payload_rows + duplicate_rows + quarantined_rows
