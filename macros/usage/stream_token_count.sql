{#-
    Stream tokens (docs/payload_formats.md) (`direction` 'input' or 'output') from parsed `events`, never summed
    (events repeat running totals): a Responses stream's last `response.completed` usage; for
    Anthropic events, input from the last `message_delta`'s usage.input_tokens, else
    `message_start`'s message.usage.input_tokens, and output from the last `message_delta`;
    otherwise the usage of the last event carrying one (chat-completion chunks).
-#}
{% macro stream_token_count(events, direction) -%}
    {%- set completed = inference_tables.list_element(inference_tables.list_filter(
        events, 'event', "event.type = 'response.completed'"), -1) -%}
    {%- set last_message_delta = inference_tables.list_element(inference_tables.list_filter(
        events, 'event', "event.type = 'message_delta'"), -1) -%}
    {%- set message_start = inference_tables.list_element(inference_tables.list_filter(
        events, 'event', "event.type = 'message_start'"), 1) -%}
    {%- set last_usage = inference_tables.list_element(inference_tables.list_filter(
        events, 'event', 'event.usage is not null'), -1) -%}
    coalesce(
        {{ inference_tables.usage_token_count(completed ~ '.response.usage', direction) }},
        {{ inference_tables.json_integer(last_message_delta ~ '.usage.' ~ direction ~ '_tokens') }},
        {%- if direction == 'input' %}
        {{ inference_tables.json_integer(message_start ~ '.message.usage.input_tokens') }},
        {%- endif %}
        {{ inference_tables.usage_token_count(last_usage ~ '.usage', direction) }}
    )
{%- endmacro %}
