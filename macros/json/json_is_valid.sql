{#-
    True when the text is JSON as RFC 8259 defines it; false (never NULL) for NULL text.
    DuckDB's parser also accepts trailing commas and NaN / Infinity (any letter case): a line
    that may hold one is checked again with every string literal removed, so that only
    tokens outside strings count.
-#}
{% macro json_is_valid(text) -%}
    {{ return(adapter.dispatch('json_is_valid', 'inference_tables')(text)) }}
{%- endmacro %}

{% macro default__json_is_valid(text) -%}
    {%- set extension_pattern = "',\\s*[\\]}]|(?i:nan|inf)'" -%}
    coalesce(
        case
            when not json_valid({{ text }}) then false
            when not regexp_matches({{ text }}, {{ extension_pattern }}) then true
            else not regexp_matches(
                regexp_replace({{ text }}, '"(?:[^"\\]|\\.)*"', '', 'g'), {{ extension_pattern }}
            )
        end,
        false
    )
{%- endmacro %}
