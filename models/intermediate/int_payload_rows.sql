{#-
    One row per payload request id, from its first delivered copy (lowest source_file, then
    line_number): the rows of the AI Gateway payload table (docs/input_format.md, payload),
    bodies over max_payload_bytes stored as NULL with their MAX_*_SIZE_EXCEEDED code, beside
    what docs/payload_formats.md and §6 extract from the bodies, computed once from the bodies
    before the size limit: the counts are kept, the rest is NULL where the limit removed the
    body. Each rule family lives in its own macro; this model only orders the rules. `payload`
    and `payload_request_logs` show its columns.
    Incremental: a run rebuilds the request ids whose copies were ranked again; their rows go
    to the end of the table with a higher `ranked_in_load`, so a later model reads one load's
    rows without scanning the rest.
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    unique_key='databricks_request_id',
    post_hook="{{ inference_tables.record_load_watermark(
        ref('int_payload_copies_ranked'), 'ranked_in_load') }}",
) }}
{#- The line's columns the payload row and the marts take as they are. -#}
{%- set passed_through = [
    'databricks_request_id', 'client_request_id', 'request_time', 'status_code',
    'sampling_fraction', 'execution_duration_ms', 'request_body', 'response_body',
    'served_entity_id', 'upstream_error_codes', 'requester', 'legacy_endpoint_name',
    'legacy_model_name', 'legacy_model_version', 'ranked_in_load',
] -%}
{#- Each body is parsed once, into every shape the rules read (absent shapes give NULL). -#}
{%- set message_list = [{'role': 'string', 'type': 'string', 'content': 'json'}] -%}
{%- set usage = {
    'prompt_tokens': 'json', 'completion_tokens': 'json',
    'input_tokens': 'json', 'output_tokens': 'json',
} -%}
{%- set request_shape = {
    'messages': message_list, 'input': 'json', 'query': 'json', 'prompt': 'json',
    'databricks_options': {'conversation_id': 'json'}, 'context': {'conversation_id': 'json'},
    'dataframe_records': 'json', 'stream': 'json', 'usage_context': 'string_map',
} -%}
{%- set response_shape = {
    'choices': [{
        'index': 'json', 'message': {'content': 'json', 'refusal': 'json'}, 'text': 'json'
    }],
    'output': message_list, 'messages': message_list, 'content': 'json',
    'databricks_output': {'trace': 'json'}, 'usage': usage,
} -%}
{#- One event of a stream, whatever its kind (docs/payload_formats.md): chat-completion and
    chat-agent chunks, Responses events, Anthropic events. `delta` is an object or a string by kind. -#}
{%- set stream_event = {
    'type': 'string', 'index': 'json',
    'choices': [{'index': 'json', 'delta': {'content': 'json', 'refusal': 'json'}}],
    'delta': 'json', 'item': {'type': 'string', 'role': 'string', 'content': 'json'},
    'response': {'output': message_list, 'usage': usage}, 'message': {'usage': usage},
    'usage': usage,
} -%}

with

first_copies as (
    {{ inference_tables.ranked_copies_batch(
        ref('int_payload_copies_ranked'), ref('int_payload_lines_validated'), 'copy_number = 1') }}
),

body_kinds as (
    select
        {{ passed_through | join(',\n        ') }},
        {#- Never NULL: it decides whether the body and what it said are kept. #}
        coalesce(is_request_left_out, false)
        or {{ inference_tables.exceeds_payload_size_limit('request_body') }}
            as is_request_too_large,
        coalesce(is_response_left_out, false)
        or {{ inference_tables.exceeds_payload_size_limit('response_body') }}
            as is_response_too_large,
        case
            when {{ inference_tables.json_is_valid('request_body') }}
                then {{ inference_tables.json_text_kind('request_body') }}
        end as request_kind,
        case
            when {{ inference_tables.json_is_valid('response_body') }}
                then {{ inference_tables.json_text_kind('response_body') }}
        end as response_kind
    from first_copies
),

bodies as (
    select
        *,
        case
            when request_kind = 'object'
                then {{ inference_tables.json_parse('request_body', request_shape) }}
        end as request_fields,
        case
            when response_kind = 'object'
                then {{ inference_tables.json_parse('response_body', response_shape) }}
        end as response_fields,
        {{ inference_tables.stream_events('response_body', 'response_kind', stream_event) }}
            as response_events
    from body_kinds
),

request_parts as (
    select
        *,
        {#- docs/payload_formats.md request rule 2: Responses input items. #}
        case
            when {{ inference_tables.json_is_array_of('request_fields.input', 'object') }}
                then {{ inference_tables.json_parse('request_fields.input', message_list) }}
        end as request_input_items,
        {#- Request rule 3: embeddings or batched prompts, input before prompt. #}
        case
            when {{ inference_tables.json_is_array_of('request_fields.input', 'string') }}
                then {{ inference_tables.json_string_array('request_fields.input') }}
            when {{ inference_tables.json_is_array_of('request_fields.prompt', 'string') }}
                then {{ inference_tables.json_string_array('request_fields.prompt') }}
        end as request_strings,
        {#- A stream is a response with at least one event object. #}
        case
            when {{ inference_tables.list_element('response_events', 1) }} is not null
                then response_events
        end as response_stream,
        {#- A JSON null trace is no trace. #}
        case
            when {{ inference_tables.json_kind('response_fields.databricks_output.trace') }}
                is not null
                then response_fields.databricks_output.trace
        end as trace
    from bodies
),

extracted as (
    select
        {{ passed_through | join(',\n        ') }},
        is_request_too_large,
        is_response_too_large,
        {#- docs/payload_formats.md `request`: the first rule that applies. #}
        case
            when request_fields.messages is not null
                then {{ inference_tables.last_message_text(
                    'request_fields.messages', 'user', skip_null_text=true, fallback_to_last=true) }}
            when request_input_items is not null
                then {{ inference_tables.last_message_text(
                    'request_input_items', 'user', skip_null_text=true, fallback_to_last=true) }}
            when {{ inference_tables.list_element('request_strings', 1) }} is not null
                then {{ inference_tables.list_string_agg('request_strings', 'chr(10)') }}
            else coalesce(
                    {{ inference_tables.json_string('request_fields.input') }},
                    {{ inference_tables.json_string('request_fields.query') }},
                    {{ inference_tables.json_string('request_fields.prompt') }}
                )
        end as request_text,
        {#- docs/payload_formats.md `response`: the first rule that applies. #}
        case
            when response_fields.choices is not null
                then {{ inference_tables.chat_completion_text('response_fields.choices') }}
            when response_fields.output is not null
                then {{ inference_tables.last_message_text(
                    'response_fields.output', 'assistant', item_type='message') }}
            when response_fields.messages is not null
                then {{ inference_tables.last_message_text(
                    'response_fields.messages', 'assistant') }}
            when {{ inference_tables.json_kind_in('response_fields.content', ['string', 'array']) }}
                then {{ inference_tables.message_content_text('response_fields.content') }}
            when response_stream is not null
                then {{ inference_tables.stream_text('response_stream') }}
        end as response_text,
        coalesce(
            {{ inference_tables.json_text('request_fields.databricks_options.conversation_id') }},
            {{ inference_tables.json_text('request_fields.context.conversation_id') }}
        ) as conversation_id,
        {{ inference_tables.json_text('trace') }} as trace,
        {{ inference_tables.trace_schema_version('trace') }} as schema_version,
        (
            {{ inference_tables.json_kind(inference_tables.json_value_at(
                'request_fields.dataframe_records', '$[0].text_assessments')) }} is not null
            or {{ inference_tables.json_kind(inference_tables.json_value_at(
                'request_fields.dataframe_records', '$[0].retrieval_assessments')) }} is not null
        ) as is_feedback_request,
        request_fields.dataframe_records as feedback_records,
        {#- Usage: a body's own `usage`, else a stream's last running totals. #}
        coalesce(
            {{ inference_tables.usage_token_count('response_fields.usage', 'input') }},
            {{ inference_tables.stream_token_count('response_stream', 'input') }}
        ) as input_token_count,
        coalesce(
            {{ inference_tables.usage_token_count('response_fields.usage', 'output') }},
            {{ inference_tables.stream_token_count('response_stream', 'output') }}
        ) as output_token_count,
        {#- Every message, item or string counts, not only the one `request_text` picks; a
            string input, query or prompt is `request_text` itself (final CTE). #}
        case
            when request_fields.messages is not null
                then {{ inference_tables.messages_character_count('request_fields.messages') }}
            when request_input_items is not null
                then {{ inference_tables.messages_character_count('request_input_items') }}
            when {{ inference_tables.list_element('request_strings', 1) }} is not null
                then {{ inference_tables.strings_character_count('request_strings') }}
        end as messages_character_count,
        request_fields.usage_context,
        (
            (
                {{ inference_tables.json_kind_in('request_fields.stream', ['boolean']) }}
                and {{ inference_tables.json_text('request_fields.stream') }} = 'true'
            )
            or response_stream is not null
        ) as is_streaming
    from request_parts
),

final as (
    select
        cast(request_time as date) as request_date,
        databricks_request_id,
        client_request_id,
        request_time,
        status_code,
        sampling_fraction,
        execution_duration_ms,
        case when not is_request_too_large then request_body end as request,
        case when not is_response_too_large then response_body end as response,
        served_entity_id,
        {{ inference_tables.merge_logging_error_codes(
            'upstream_error_codes', 'is_request_too_large', 'is_response_too_large'
        ) }} as logging_error_codes,
        requester,
        {#- What the bodies say, as `payload` holds them: NULL (schema_version '0', no
            feedback) where the size limit removed the body. The counts below are the
            bodies' own, kept. #}
        case when not is_request_too_large then conversation_id end as conversation_id,
        case when not is_request_too_large then request_text end as request_text,
        case when not is_response_too_large then response_text end as response_text,
        case when not is_response_too_large then trace end as trace,
        case when not is_response_too_large then schema_version else '0' end as schema_version,
        coalesce(is_feedback_request and not is_request_too_large, false) as is_feedback_request,
        case
            when is_feedback_request and not is_request_too_large then feedback_records
        end as feedback_records,
        legacy_endpoint_name,
        legacy_model_name,
        legacy_model_version,
        input_token_count,
        output_token_count,
        cast(coalesce(messages_character_count, length(extracted.request_text)) as bigint)
            as input_character_count,
        cast(length(extracted.response_text) as bigint) as output_character_count,
        usage_context,
        coalesce(is_streaming, false) as is_streaming,
        ranked_in_load
    from extracted
)

select * from final
