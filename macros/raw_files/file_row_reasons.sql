{#-
    The quarantine reasons of file rows (a raw file, or its end, that could not be read), as a
    SQL list: these rows are not lines, and describe the latest run only.
-#}
{% macro file_row_reasons() -%}
    ('UNREADABLE_FILE', 'CORRUPT_GZIP')
{%- endmacro %}
