{#-
    loaded_at_query of the raw_payload_files source: the newest request time found in the
    raw logs, by the same time rule as the models (the Times rule (docs/input_format.md): a line with `infinity` or
    year 9999999 is no request time). Unreadable lines, and lines over 128 MiB, are skipped
    here; the models keep them.
-#}
{% macro raw_payload_freshness_query(raw_payload_path) -%}
    {{ return(adapter.dispatch('raw_payload_freshness_query', 'inference_tables')(raw_payload_path)) }}
{%- endmacro %}

{% macro default__raw_payload_freshness_query(raw_payload_path) -%}
    select
        max({{ inference_tables.request_time_in_range("coalesce("
            ~ inference_tables.request_time_from_iso8601("json ->> '$.request_time'") ~ ", "
            ~ inference_tables.epoch_ms_to_timestamp("try_cast(json ->> '$.request_time' as double)")
            ~ ", "
            ~ inference_tables.epoch_ms_to_timestamp("try_cast(json ->> '$.timestamp_ms' as double)")
            ~ ")") }})
    from read_ndjson_objects(
        {{ inference_tables.string_literal(raw_payload_path) }},
        ignore_errors = true, maximum_object_size = 134217728
    )
{%- endmacro %}
