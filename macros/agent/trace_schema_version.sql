{#-
    docs/payload_formats.md schema_version of a trace (JSON): an explicit "mlflow.trace_schema.version" of 2 or
    3 (number or string) wins, looked up at the trace's top level, then in
    info.request_metadata, info.trace_metadata, info.tags; without one, '3' when the trace has
    `info`, else '1'. '0' when there is no trace.
-#}
{% macro trace_schema_version(trace) -%}
    {%- set key = '"mlflow.trace_schema.version"' -%}
    {%- set locations = ['$.', '$.info.request_metadata.', '$.info.trace_metadata.', '$.info.tags.'] -%}
    {%- set version_text = inference_tables.json_text('version') -%}
    {%- set explicit_version = "case when " ~ inference_tables.json_kind_in('version', ['string'])
        ~ " and " ~ version_text ~ " in ('2', '3') then " ~ version_text
        ~ " when " ~ inference_tables.json_kind_in('version', ['integer', 'number'])
        ~ " and cast(" ~ version_text ~ " as double) in (2, 3)"
        ~ " then case when cast(" ~ version_text ~ " as double) = 2 then '2' else '3' end end" -%}
    case
        when {{ trace }} is null then '0'
        else coalesce(
            {%- for location in locations %}
            {{ inference_tables.let(
                inference_tables.json_value_at(trace, location ~ key), 'version', explicit_version) }},
            {%- endfor %}
            case
                when {{ inference_tables.json_kind(inference_tables.json_value_at(trace, '$.info')) }}
                    is not null
                    then '3'
                else '1'
            end
        )
    end
{%- endmacro %}
