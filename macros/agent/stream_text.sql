{#-
    docs/payload_formats.md response rule 5: the answer carried by a stream's parsed `events`, from the first
    of its kinds whose text is not NULL: chat-completion chunks, chat-agent chunks, Responses
    events, Anthropic events. '' when matching deltas are all empty; NULL when there is none.
-#}
{% macro stream_text(events) -%}
    coalesce(
        {{ inference_tables.chat_chunks_text(events) }},
        {{ inference_tables.chat_agent_chunks_text(events) }},
        {{ inference_tables.responses_events_text(events) }},
        {{ inference_tables.anthropic_events_text(events) }}
    )
{%- endmacro %}
