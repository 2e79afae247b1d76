{#-
    SPEC §3 rule 5, chat-completion chunks: the index-0 choice's `delta.content` (a string, or
    parts by the parts rule) of every event, concatenated in order; when no chunk has one, the
    concatenated `delta.refusal` strings. NULL when neither is found.
-#}
{% macro chat_chunks_text(events) -%}
    {%- set choice = inference_tables.index_zero_choice('event.choices') -%}
    {%- set refusal = choice ~ '.delta.refusal' -%}
    coalesce(
        {{ inference_tables.list_string_agg(inference_tables.list_transform(
            events, 'event', inference_tables.message_content_text(choice ~ '.delta.content')
        ), "''") }},
        {{ inference_tables.list_string_agg(inference_tables.list_transform(
            events, 'event',
            'case when ' ~ inference_tables.json_kind(refusal) ~ " = 'string' then "
                ~ inference_tables.json_text(refusal) ~ ' end'
        ), "''") }}
    )
{%- endmacro %}
