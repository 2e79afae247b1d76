{#-
    docs/payload_formats.md rule 5, Anthropic Messages events: the `delta.text` of the `content_block_delta`
    events whose `delta.type` is `text_delta`, concatenated block by block in `index` order
    (an event without an integer index is block 0), blocks joined with a newline.
-#}
{% macro anthropic_events_text(events) -%}
    {%- set pieces = inference_tables.list_transform(
        inference_tables.list_filter(
            events, 'event',
            "event.type = 'content_block_delta' and " ~ inference_tables.json_text(
                inference_tables.json_value_at('event.delta', '$.type')) ~ " = 'text_delta'"),
        'event',
        inference_tables.named_struct({
            'block': 'coalesce(' ~ inference_tables.json_integer('event.index') ~ ', 0)',
            'text': inference_tables.json_string(
                inference_tables.json_value_at('event.delta', '$.text')),
        })) -%}
    {{ inference_tables.list_string_agg(inference_tables.list_transform(
        inference_tables.list_sorted_distinct(
            inference_tables.list_transform(pieces, 'piece', 'piece.block')),
        'block',
        inference_tables.list_string_agg(inference_tables.list_transform(
            inference_tables.list_filter(pieces, 'piece', 'piece.block = block'),
            'piece', 'piece.text'
        ), "''")
    ), 'chr(10)') }}
{%- endmacro %}
