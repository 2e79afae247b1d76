{#-
    docs/payload_formats.md rule 5, SSE text: the JSON objects carried by the `data:` lines of a body, in
    order, as text. Lines split on CR, LF or CR LF; `event:` lines, comments, `data: [DONE]`
    and payloads that are not JSON objects are skipped. NULL for a body without `data:`.
-#}
{% macro sse_data_payloads(body) -%}
    {%- set data_lines = inference_tables.list_filter(
        inference_tables.regexp_split(body, '\\r\\n|\\r|\\n'), 'line', "substr(line, 1, 5) = 'data:'") -%}
    case when {{ inference_tables.regexp_contains(body, '(^|[\\r\\n])data:') }} then
        {{ inference_tables.list_filter(
            inference_tables.list_transform(data_lines, 'line', 'substr(line, 6)'),
            'payload',
            inference_tables.json_is_valid('payload') ~ ' and '
                ~ inference_tables.json_text_kind('payload') ~ " = 'object'") }}
    end
{%- endmacro %}
