{#-
    Warns with the raw files the latest build could not read, or not to their end (docs/input_format.md bad
    files): a damaged gzip, no permission, a name that is not UTF-8. The build goes on with the
    lines it could read and tries these files again next time.
-#}
{{ config(severity='warn') }}

select
    source_file,
    quarantine_reason,
    line_number as first_line_not_read,
    read_error
from {{ ref('payload_quarantine') }}
where quarantine_reason in {{ inference_tables.file_row_reasons() }}
