{#-
    docs/payload_formats.md rule 5, chat-agent chunks (MLflow ChatAgent streams): the `delta.content` of every
    event without a `type` whose `delta` is an object, concatenated in order. NULL when none.
-#}
{% macro chat_agent_chunks_text(events) -%}
    {{ inference_tables.list_string_agg(inference_tables.list_transform(
        inference_tables.list_filter(
            events, 'event',
            'event.type is null and ' ~ inference_tables.json_kind_in('event.delta', ['object'])),
        'event',
        inference_tables.message_content_text(
            inference_tables.json_value_at('event.delta', '$.content'))
    ), "''") }}
{%- endmacro %}
