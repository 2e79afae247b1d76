{#-
    The parts rule (docs/payload_formats.md): the text of a content value (JSON). A string is its own text ('' stays
    ''). An array of parts gives the `text` of every part whose `type` is text, input_text or
    output_text, joined with a newline; NULL when no such part has text. Other parts (images,
    audio, tool_use, tool_result, reasoning, refusal) contribute nothing; other values give NULL.
-#}
{% macro message_content_text(content) -%}
    {%- set parts = inference_tables.json_parse(
        'content_value', [{'type': 'string', 'text': 'string'}]) -%}
    {{ inference_tables.let(content, 'content_value',
        'case when ' ~ inference_tables.json_kind_in('content_value', ['string'])
        ~ ' then ' ~ inference_tables.json_text('content_value')
        ~ ' when ' ~ inference_tables.json_kind_in('content_value', ['array'])
        ~ ' then ' ~ inference_tables.list_string_agg(
            inference_tables.list_transform(parts, 'part',
                "case when part.type in ('text', 'input_text', 'output_text') then part.text end"),
            'chr(10)')
        ~ ' end') }}
{%- endmacro %}
