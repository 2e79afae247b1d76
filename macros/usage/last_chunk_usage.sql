{#-
    SPEC §6 stream tokens: the `usage` of the last chunk in `chunks` (a parsed list of chunk
    structs with a `usage` field) that carries one. Chunks repeat running totals, so the last
    one is the total; they are never summed. NULL when no chunk carries usage.
-#}
{% macro last_chunk_usage(chunks) -%}
    {{ return(adapter.dispatch('last_chunk_usage', 'inference_tables')(chunks)) }}
{%- endmacro %}

{% macro default__last_chunk_usage(chunks) -%}
    (list_filter({{ chunks }}, lambda chunk: chunk.usage is not null)[-1]).usage
{%- endmacro %}

{% macro spark__last_chunk_usage(chunks) -%}
    element_at(filter({{ chunks }}, chunk -> chunk.usage is not null), -1).usage
{%- endmacro %}
