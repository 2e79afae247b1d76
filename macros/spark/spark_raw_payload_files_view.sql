{#-
    On-run-start hook (Spark and Databricks targets, raw-files mode; nothing elsewhere): the
    relation of the source gateway_spark.raw_payload_files, a global temporary view with one
    row per raw file matched by `raw_payload_path` (`.gz` decompressed), its whole content in
    `value`. Spark's text source splits records on `lineSep`; a separator no log holds keeps
    each file whole and its bytes untouched (the `wholetext` option would decode them). A file
    holding the separator would be split in pieces: the reader's tests then fail on its line
    numbers. Global, so that the source has a schema (global_temp) to be named by.
-#}
{% macro spark_raw_payload_files_view() -%}
    {%- if target.type in ('spark', 'databricks')
        and var('payload_source', 'raw_files') == 'raw_files' -%}
    create or replace global temporary view {{ inference_tables.spark_raw_payload_files_view_name(qualified=false) }}
    using text
    options (
        path {{ inference_tables.string_literal(var('raw_payload_path')) }},
        lineSep '\u0000\u0001<end of raw payload file>\u0001\u0000'
    )
    {%- endif -%}
{%- endmacro %}

{% macro spark_raw_payload_files_view_name(qualified=true) -%}
    {%- if qualified %}global_temp.{% endif -%}
    inference_tables_raw_payload_files
{%- endmacro %}
