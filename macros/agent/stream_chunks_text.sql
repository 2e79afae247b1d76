{#-
    SPEC §3 streaming rules: the answer of a streamed chat completion, the concatenation of
    `choices[0].delta.content` over `chunks` (a list of parsed chunk structs, in order),
    skipping NULL parts. NULL when no chunk carries content.
-#}
{% macro stream_chunks_text(chunks) -%}
    {{ return(adapter.dispatch('stream_chunks_text', 'inference_tables')(chunks)) }}
{%- endmacro %}

{% macro default__stream_chunks_text(chunks) -%}
    nullif(array_to_string(
        list_transform({{ chunks }}, lambda chunk: chunk.choices[1].delta.content), ''
    ), '')
{%- endmacro %}

{% macro spark__stream_chunks_text(chunks) -%}
    nullif(array_join(
        transform({{ chunks }}, chunk -> element_at(chunk.choices, 1).delta.content), ''
    ), '')
{%- endmacro %}
