{#-
    SPEC §3 content rule: a message content (JSON) that is a string gives that string; an
    array of parts gives the `text` of every part whose `type` is text, input_text or
    output_text, joined with a newline (NULL when no part has text); anything else NULL.
-#}
{% macro message_content_text(content) -%}
    {{ return(adapter.dispatch('message_content_text', 'inference_tables')(content)) }}
{%- endmacro %}

{% macro default__message_content_text(content) -%}
    case json_type({{ content }})
        when 'VARCHAR' then {{ content }} ->> '$'
        when 'ARRAY' then nullif(array_to_string(
            list_transform(
                list_filter(
                    {{ inference_tables.json_parse(content, [{'type': 'string', 'text': 'string'}]) }},
                    lambda part: part.type in ('text', 'input_text', 'output_text')
                ),
                lambda part: part.text
            ),
            chr(10)
        ), '')
    end
{%- endmacro %}

{% macro spark__message_content_text(content) -%}
    case {{ inference_tables.json_kind(content) }}
        when 'string' then {{ inference_tables.json_text(content) }}
        when 'array' then nullif(array_join(
            transform(
                filter(
                    {{ inference_tables.json_parse(content, [{'type': 'string', 'text': 'string'}]) }},
                    part -> part.type in ('text', 'input_text', 'output_text')
                ),
                part -> part.text
            ),
            char(10)
        ), '')
    end
{%- endmacro %}
