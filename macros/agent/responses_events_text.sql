{#-
    docs/payload_formats.md rule 5, Responses API events: the answer of the last `response.completed` event's
    `response` (rule 2); else the text of the last `response.output_item.done` item that is an
    assistant message; else the concatenated `delta` of the `response.output_text.delta` events.
-#}
{% macro responses_events_text(events) -%}
    {%- set completed = inference_tables.list_element(inference_tables.list_filter(
        events, 'event', "event.type = 'response.completed'"), -1) -%}
    {%- set item_done = inference_tables.list_element(inference_tables.list_filter(
        events, 'event',
        "event.type = 'response.output_item.done' and event.item.type = 'message'"
        ~ " and event.item.role = 'assistant'"), -1) -%}
    coalesce(
        {{ inference_tables.last_message_text(
            completed ~ '.response.output', 'assistant', item_type='message') }},
        {{ inference_tables.message_content_text(item_done ~ '.item.content') }},
        {{ inference_tables.list_string_agg(inference_tables.list_transform(
            inference_tables.list_filter(
                events, 'event', "event.type = 'response.output_text.delta'"),
            'event', inference_tables.json_string('event.delta')
        ), "''") }}
    )
{%- endmacro %}
