{#-
    SPEC §2 error-code merge: the codes already on the raw line first (in their order, first
    occurrence kept), then MAX_REQUEST_SIZE_EXCEEDED, then MAX_RESPONSE_SIZE_EXCEEDED, each
    added only when its flag is true and never repeated. Never NULL.
-#}
{% macro merge_logging_error_codes(upstream_codes, request_too_large, response_too_large) -%}
    {{ return(adapter.dispatch('merge_logging_error_codes', 'inference_tables')(
        upstream_codes, request_too_large, response_too_large)) }}
{%- endmacro %}

{% macro default__merge_logging_error_codes(upstream_codes, request_too_large, response_too_large) -%}
    {{ inference_tables.list_distinct_ordered(
        "list_concat(coalesce(" ~ upstream_codes ~ ", cast([] as varchar[])), "
        ~ "case when " ~ request_too_large ~ " then ['MAX_REQUEST_SIZE_EXCEEDED'] else cast([] as varchar[]) end, "
        ~ "case when " ~ response_too_large ~ " then ['MAX_RESPONSE_SIZE_EXCEEDED'] else cast([] as varchar[]) end)"
    ) }}
{%- endmacro %}

{% macro spark__merge_logging_error_codes(upstream_codes, request_too_large, response_too_large) -%}
    array_distinct(concat(
        coalesce({{ upstream_codes }}, cast(array() as array<string>)),
        case when {{ request_too_large }} then array('MAX_REQUEST_SIZE_EXCEEDED') else cast(array() as array<string>) end,
        case when {{ response_too_large }} then array('MAX_RESPONSE_SIZE_EXCEEDED') else cast(array() as array<string>) end
    ))
{%- endmacro %}
