{#-
    The text (parts rule) of the last element of `messages` (structs with `role`, `content` as
    JSON and, when `item_type` is given, `type`) whose role is `role` and type `item_type`.
    `skip_null_text`: only messages whose text is not NULL count (docs/payload_formats.md request rule 1 skips
    a user turn holding only tool_result parts). `fallback_to_last`: when none matches, the
    text of the last message.
-#}
{% macro last_message_text(messages, role, item_type=none, skip_null_text=false, fallback_to_last=false) -%}
    {%- set condition = "message.role = '" ~ role ~ "'" -%}
    {%- if item_type is not none -%}
        {%- set condition = condition ~ " and message.type = '" ~ item_type ~ "'" -%}
    {%- endif -%}
    {%- if skip_null_text -%}
        {%- set fields = {'role': 'message.role'} -%}
        {%- if item_type is not none -%}
            {%- do fields.update({'type': 'message.type'}) -%}
        {%- endif -%}
        {%- do fields.update({'text': inference_tables.message_content_text('message.content')}) -%}
        {%- set texts = inference_tables.list_transform(
            messages, 'message', inference_tables.named_struct(fields)) -%}
        {%- set last_match = inference_tables.list_element(inference_tables.list_filter(
            texts, 'message', condition ~ ' and message.text is not null'), -1) ~ '.text' -%}
    {%- else -%}
        {%- set last_match = inference_tables.message_content_text(inference_tables.list_element(
            inference_tables.list_filter(messages, 'message', condition), -1) ~ '.content') -%}
    {%- endif -%}
    {%- if fallback_to_last -%}
        coalesce({{ last_match }}, {{ inference_tables.message_content_text(
            inference_tables.list_element(messages, -1) ~ '.content') }})
    {%- else -%}
        {{ last_match }}
    {%- endif -%}
{%- endmacro %}
