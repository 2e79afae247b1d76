{#-
    Every raw line that could not become a payload row, verbatim, with its origin and reason,
    and a row per raw file the latest run could not read. Incremental: a run adds the bad lines
    of new loads and replaces the file rows by the current ones.
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    unique_key=['file_id', 'line_number'],
    pre_hook="{{ inference_tables.delete_file_rows('quarantine_reason') }}",
    post_hook="{{ inference_tables.record_load_watermark(ref('int_payload_lines_validated')) }}",
) }}

with

validated_lines as (
    select * from {{ ref('int_payload_lines_validated') }}
    {% if is_incremental() -%}
        where load_id > {{ inference_tables.load_watermark() }}
            or quarantine_reason in {{ inference_tables.file_row_reasons() }}
    {%- endif %}
),

final as (
    select
        source_file,
        file_id,
        line_number,
        quarantine_reason,
        quarantine_field,
        databricks_request_id,
        raw_line,
        read_error
    from validated_lines
    where quarantine_reason is not null
)

select * from final
