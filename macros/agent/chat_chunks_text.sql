{#-
    docs/payload_formats.md rule 5, chat-completion chunks: the index-0 choice's `delta.content` (a string, or
    parts by the parts rule) of every event, concatenated in order; when no chunk has one, the
    concatenated `delta.refusal` strings. NULL when neither is found.
-#}
{% macro chat_chunks_text(events) -%}
    {%- set deltas = inference_tables.list_transform(
        events, 'event', inference_tables.index_zero_choice('event.choices') ~ '.delta') -%}
    {{ inference_tables.let(deltas, 'deltas', 'coalesce('
        ~ inference_tables.list_string_agg(inference_tables.list_transform(
            'deltas', 'delta', inference_tables.message_content_text('delta.content')), "''")
        ~ ', '
        ~ inference_tables.list_string_agg(inference_tables.list_transform(
            'deltas', 'delta', inference_tables.json_string('delta.refusal')), "''")
        ~ ')') }}
{%- endmacro %}
