{#-
    Streams (docs/payload_formats.md): the events of a streamed body, parsed with `structure` (see json_parse):
    the object elements of a JSON array (`body_kind` 'array'), or the JSON objects of the
    `data:` lines of SSE text (a body that is not JSON, `body_kind` NULL). NULL otherwise; an
    empty list when no element or line holds an object.
-#}
{% macro stream_events(body, body_kind, structure) -%}
    case
        when {{ body_kind }} = 'array' then {{ inference_tables.list_transform(
            inference_tables.list_filter(
                inference_tables.json_parse(body, ['json']),
                'event',
                inference_tables.json_kind_in('event', ['object'])),
            'event',
            inference_tables.json_parse('event', structure)) }}
        when {{ body_kind }} is null then {{ inference_tables.list_transform(
            inference_tables.sse_data_payloads(body),
            'payload',
            inference_tables.json_parse('payload', structure)) }}
    end
{%- endmacro %}
