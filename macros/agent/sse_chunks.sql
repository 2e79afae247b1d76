{#-
    The `data:` payloads of a Server-Sent Events body parsed with `structure` (see
    json_parse), in order; a payload that is not JSON gives NULL. NULL when the body has no
    `data:` line.
-#}
{% macro sse_chunks(body, structure) -%}
    {{ return(adapter.dispatch('sse_chunks', 'inference_tables')(body, structure)) }}
{%- endmacro %}

{% macro default__sse_chunks(body, structure) -%}
    list_transform(
        {{ inference_tables.sse_data_payloads(body) }},
        lambda payload: case
            when {{ inference_tables.json_is_valid('payload') }}
                then {{ inference_tables.json_parse('payload', structure) }}
        end
    )
{%- endmacro %}

{% macro spark__sse_chunks(body, structure) -%}
    transform(
        {{ inference_tables.sse_data_payloads(body) }},
        payload -> case
            when {{ inference_tables.json_is_valid('payload') }}
                then {{ inference_tables.json_parse('payload', structure) }}
        end
    )
{%- endmacro %}
