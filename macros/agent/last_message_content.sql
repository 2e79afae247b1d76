{#-
    The content (JSON) of the last element of `messages` (a list of structs with `role`,
    `content` and, when `item_type` is given, `type`; see json_parse) whose role is `role`
    (and whose type is `item_type`); when none matches and `fallback_to_last` is true, the
    content of the last element.
-#}
{% macro last_message_content(messages, role, fallback_to_last=false, item_type=none) -%}
    {{ return(adapter.dispatch('last_message_content', 'inference_tables')(
        messages, role, fallback_to_last, item_type)) }}
{%- endmacro %}

{% macro default__last_message_content(messages, role, fallback_to_last=false, item_type=none) -%}
    {%- set condition = "message.role = '" ~ role ~ "'" -%}
    {%- if item_type is not none -%}
        {%- set condition = condition ~ " and message.type = '" ~ item_type ~ "'" -%}
    {%- endif -%}
    {%- set last_match = "list_filter(" ~ messages ~ ", lambda message: " ~ condition ~ ")[-1]" -%}
    {%- if fallback_to_last -%}
        (coalesce({{ last_match }}, ({{ messages }})[-1])).content
    {%- else -%}
        ({{ last_match }}).content
    {%- endif -%}
{%- endmacro %}

{% macro spark__last_message_content(messages, role, fallback_to_last=false, item_type=none) -%}
    {%- set condition = "message.role = '" ~ role ~ "'" -%}
    {%- if item_type is not none -%}
        {%- set condition = condition ~ " and message.type = '" ~ item_type ~ "'" -%}
    {%- endif -%}
    {%- set last_match = "element_at(filter(" ~ messages ~ ", message -> " ~ condition ~ "), -1)" -%}
    {%- if fallback_to_last -%}
        (coalesce({{ last_match }}, element_at({{ messages }}, -1))).content
    {%- else -%}
        ({{ last_match }}).content
    {%- endif -%}
{%- endmacro %}
