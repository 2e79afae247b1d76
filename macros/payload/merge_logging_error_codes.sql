{#-
    docs/input_format.md, payload error-code merge: the codes already on the raw line first (in their order, first
    occurrence kept), then MAX_REQUEST_SIZE_EXCEEDED, then MAX_RESPONSE_SIZE_EXCEEDED, each
    added only when its flag is true and never repeated. Never NULL.
-#}
{% macro merge_logging_error_codes(upstream_codes, request_too_large, response_too_large) -%}
    {%- set no_codes = inference_tables.string_list([]) -%}
    {{ inference_tables.list_distinct_ordered(inference_tables.list_concat([
        "coalesce(" ~ upstream_codes ~ ", " ~ no_codes ~ ")",
        "case when " ~ request_too_large ~ " then "
            ~ inference_tables.string_list(['MAX_REQUEST_SIZE_EXCEEDED']) ~ " else " ~ no_codes ~ " end",
        "case when " ~ response_too_large ~ " then "
            ~ inference_tables.string_list(['MAX_RESPONSE_SIZE_EXCEEDED']) ~ " else " ~ no_codes ~ " end",
    ])) }}
{%- endmacro %}
