{#-
    Input characters (docs/payload_formats.md): the summed character length of the text (docs/payload_formats.md parts rule) of
    every message in `messages` (a parsed list of structs with `content`). 0 when no message
    has text; NULL when `messages` is NULL.
-#}
{% macro messages_character_count(messages) -%}
    case when {{ messages }} is not null then coalesce({{ inference_tables.list_sum(
        inference_tables.list_transform(messages, 'message',
            'length(' ~ inference_tables.message_content_text('message.content') ~ ')')
    ) }}, 0) end
{%- endmacro %}
