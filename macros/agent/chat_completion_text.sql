{#-
    SPEC §3 response rule 1: the answer of a (chat) completion, from its parsed `choices` (a
    list of structs with `message.content` and `text`, JSON): `choices[0].message.content`
    (string or parts), else `choices[0].text`.
-#}
{% macro chat_completion_text(choices) -%}
    {{ return(adapter.dispatch('chat_completion_text', 'inference_tables')(choices)) }}
{%- endmacro %}

{% macro default__chat_completion_text(choices) -%}
    coalesce(
        {{ inference_tables.message_content_text('(' ~ choices ~ ')[1].message.content') }},
        {{ inference_tables.message_content_text('(' ~ choices ~ ')[1].text') }}
    )
{%- endmacro %}

{% macro spark__chat_completion_text(choices) -%}
    coalesce(
        {{ inference_tables.message_content_text('element_at(' ~ choices ~ ', 1).message.content') }},
        {{ inference_tables.message_content_text('element_at(' ~ choices ~ ', 1).text') }}
    )
{%- endmacro %}
