{#-
    loaded_at_query of the raw-file sources: the newest request time found in the raw logs, by
    the same time rule as the models (the Times rule (docs/input_format.md): a line with
    `infinity` or year 9999999 is no request time). Unreadable lines, and on DuckDB lines over
    128 MiB, are skipped here; the models keep them.
-#}
{% macro raw_payload_freshness_query() -%}
    {{ return(adapter.dispatch('raw_payload_freshness_query', 'inference_tables')()) }}
{%- endmacro %}

{% macro default__raw_payload_freshness_query() -%}
    {{ inference_tables.unsupported_adapter('raw_payload_freshness_query') }}
{%- endmacro %}

{% macro duckdb__raw_payload_freshness_query() -%}
    select
        max({{ inference_tables.raw_line_request_time(
            "json ->> '$.request_time'", "json ->> '$.timestamp_ms'") }})
    from read_ndjson_objects(
        {{ inference_tables.string_literal(var('raw_payload_path')) }},
        ignore_errors = true, maximum_object_size = 134217728
    )
{%- endmacro %}

{% macro spark__raw_payload_freshness_query() -%}
    select
        max({{ inference_tables.raw_line_request_time(
            "get_json_object(line, '$.request_time')",
            "get_json_object(line, '$.timestamp_ms')") }})
    from {{ inference_tables.spark_raw_payload_files_view_name() }}
    lateral view explode(split(value, '\n')) as line
{%- endmacro %}

{#- A raw line's request time from the text of its request_time and timestamp_ms fields. -#}
{% macro raw_line_request_time(request_time_text, timestamp_ms_text) -%}
    {{ inference_tables.request_time_in_range("coalesce("
        ~ inference_tables.request_time_from_iso8601(request_time_text) ~ ", "
        ~ inference_tables.epoch_ms_to_timestamp("try_cast(" ~ request_time_text ~ " as double)")
        ~ ", "
        ~ inference_tables.epoch_ms_to_timestamp("try_cast(" ~ timestamp_ms_text ~ " as double)")
        ~ ")") }}
{%- endmacro %}
