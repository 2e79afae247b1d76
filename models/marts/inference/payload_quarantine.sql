{#-
    Every raw line that could not become a payload row, verbatim, with its origin and reason.
    Incremental: a run adds the bad lines of new loads.
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    unique_key=['source_file', 'line_number'],
    post_hook="{{ inference_tables.record_load_watermark(ref('int_payload_lines_validated')) }}",
) }}

with

validated_lines as (
    select * from {{ ref('int_payload_lines_validated') }}
    {% if is_incremental() -%}
        where load_id > {{ inference_tables.load_watermark() }}
    {%- endif %}
),

final as (
    select
        source_file,
        line_number,
        quarantine_reason,
        quarantine_field,
        databricks_request_id,
        raw_line
    from validated_lines
    where quarantine_reason is not null
)

select * from final
