{#-
    Accounting invariant (docs/input_format.md): non-blank raw lines = payload rows + duplicate rows +
    quarantined lines. File rows (a raw file that could not be read, raw_line NULL) are not
    lines; they are told apart by their reason, a column far cheaper to scan than raw_line.
    Returns one row (the counts) when it does not hold.
-#}
with

counts as (
    select
        (
            select count(*) from {{ ref(inference_tables.payload_lines_reader()) }}
            where coalesce(read_error_reason, '') not in {{ inference_tables.file_row_reasons() }}
        ) as raw_lines,
        (select count(*) from {{ ref('payload') }}) as payload_rows,
        (select count(*) from {{ ref('payload_duplicates') }}) as duplicate_rows,
        (
            select count(*) from {{ ref('payload_quarantine') }}
            where quarantine_reason not in {{ inference_tables.file_row_reasons() }}
        ) as quarantined_rows
)

select *
from counts
where raw_lines <> payload_rows + duplicate_rows + quarantined_rows
