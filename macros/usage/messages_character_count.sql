{#-
    SPEC §6 input characters: the summed character length of the text of every message in
    `messages` (a parsed list of structs with `content`; text by the SPEC §3 parts rule).
    0 when no message has text; NULL when `messages` is NULL.
-#}
{% macro messages_character_count(messages) -%}
    {{ return(adapter.dispatch('messages_character_count', 'inference_tables')(messages)) }}
{%- endmacro %}

{% macro default__messages_character_count(messages) -%}
    case when {{ messages }} is not null then coalesce(list_sum(list_transform(
        {{ messages }},
        lambda message: length({{ inference_tables.message_content_text('message.content') }})
    )), 0) end
{%- endmacro %}

{% macro spark__messages_character_count(messages) -%}
    case when {{ messages }} is not null then aggregate(
        {{ messages }},
        cast(0 as bigint),
        (total, message) -> total
            + coalesce(length({{ inference_tables.message_content_text('message.content') }}), 0)
    ) end
{%- endmacro %}
