{#-
    True when a body is over the size limit of docs/input_format.md, payload: strictly more than `max_bytes`
    UTF-8 bytes (default: the var max_payload_bytes, 1,048,576). NULL bodies never are.
-#}
{% macro exceeds_payload_size_limit(body, max_bytes=none) -%}
    {%- set limit = max_bytes if max_bytes is not none else var('max_payload_bytes', 1048576) -%}
    {%- if limit is not number and not (limit is string and limit.isdigit()) -%}
        {{ exceptions.raise_compiler_error("max_payload_bytes must be a whole number of bytes, got " ~ limit) }}
    {%- endif -%}
    coalesce({{ inference_tables.utf8_byte_length(body) }} > {{ limit | int }}, false)
{%- endmacro %}
