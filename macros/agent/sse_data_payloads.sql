{#-
    The payloads of a Server-Sent Events body, in order: the text after `data:` on each line
    that starts with it (surrounding blanks and a CR removed), without the final `[DONE]`.
    NULL when the body has no `data:` line.
-#}
{% macro sse_data_payloads(body) -%}
    {{ return(adapter.dispatch('sse_data_payloads', 'inference_tables')(body)) }}
{%- endmacro %}

{% macro default__sse_data_payloads(body) -%}
    case
        when regexp_matches({{ body }}, '(^|\n)data:') then list_filter(
            list_transform(
                list_filter(string_split({{ body }}, chr(10)), lambda line: starts_with(line, 'data:')),
                lambda line: trim(substr(line, 6), ' ' || chr(9) || chr(13))
            ),
            lambda payload: payload <> '[DONE]'
        )
    end
{%- endmacro %}

{% macro spark__sse_data_payloads(body) -%}
    case
        when {{ body }} rlike '(^|\n)data:' then filter(
            transform(
                filter(split({{ body }}, '\n'), line -> startswith(line, 'data:')),
                line -> trim(both ' \t\r' from substr(line, 6))
            ),
            payload -> payload <> '[DONE]'
        )
    end
{%- endmacro %}
