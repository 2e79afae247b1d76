{#-
    SPEC §3 response rule 1: the answer of a (chat) completion, from its `choices` JSON array:
    `choices[0].message.content` (string or parts), else `choices[0].text`.
-#}
{% macro chat_completion_text(choices) -%}
    {{ return(adapter.dispatch('chat_completion_text', 'inference_tables')(choices)) }}
{%- endmacro %}

{% macro default__chat_completion_text(choices) -%}
    coalesce(
        {{ inference_tables.message_content_text(
            inference_tables.json_value_at(choices, '$[0].message.content')) }},
        {{ inference_tables.message_content_text(inference_tables.json_value_at(choices, '$[0].text')) }}
    )
{%- endmacro %}
