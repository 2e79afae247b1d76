{#-
    Spark pre-hook of stg_gateway__payload_lines: a temporary view with one row per raw file
    matched by `raw_payload_path` (`.gz` decompressed), its whole content in `value`. Spark's
    text source splits records on `lineSep`; a separator no log holds keeps each file whole
    and its bytes untouched (the `wholetext` option would decode them). A file holding the
    separator would be split in pieces: the model's tests then fail on its line numbers.
-#}
{% macro spark_raw_payload_files_view(raw_payload_path) -%}
    create or replace temporary view {{ inference_tables.spark_raw_payload_files_view_name() }}
    using text
    options (
        path {{ inference_tables.string_literal(raw_payload_path) }},
        lineSep '\u0000\u0001<end of raw payload file>\u0001\u0000'
    )
{%- endmacro %}

{% macro spark_raw_payload_files_view_name() -%}
    stg_gateway__raw_payload_files
{%- endmacro %}
