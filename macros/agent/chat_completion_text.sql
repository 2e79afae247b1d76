{#-
    Answer rule 1 (docs/payload_formats.md): the answer of a (chat) completion from its parsed `choices`
    (structs with `index`, `message.content`, `message.refusal` and `text` as JSON): the index-0
    choice's message content text; when NULL, its message refusal string; else its `text`.
-#}
{% macro chat_completion_text(choices) -%}
    {{ inference_tables.let(
        inference_tables.index_zero_choice(choices, first_as_fallback=true), 'choice',
        'coalesce('
        ~ inference_tables.message_content_text('choice.message.content') ~ ', '
        ~ inference_tables.json_string('choice.message.refusal') ~ ', '
        ~ inference_tables.message_content_text('choice.text') ~ ')') }}
{%- endmacro %}
