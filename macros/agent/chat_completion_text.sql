{#-
    SPEC §3 response rule 1: the answer of a (chat) completion from its parsed `choices`
    (structs with `index`, `message.content`, `message.refusal` and `text` as JSON): the index-0
    choice's message content text; when NULL, its message refusal string; else its `text`.
-#}
{% macro chat_completion_text(choices) -%}
    {%- set choice = inference_tables.index_zero_choice(choices, first_as_fallback=true) -%}
    {%- set refusal = choice ~ '.message.refusal' -%}
    coalesce(
        {{ inference_tables.message_content_text(choice ~ '.message.content') }},
        case
            when {{ inference_tables.json_kind(refusal) }} = 'string'
                then {{ inference_tables.json_text(refusal) }}
        end,
        {{ inference_tables.message_content_text(choice ~ '.text') }}
    )
{%- endmacro %}
