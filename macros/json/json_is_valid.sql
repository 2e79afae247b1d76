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

{% macro spark__json_is_valid(text) -%}
    {#- parse_json stops after the first value ('{}x' parses); wrapping the text in [ ] and
        counting one element rejects anything after it, and parse_json rejects the extensions
        (single quotes, raw control characters) the array parser lets through. #}
    coalesce(
        try_parse_json({{ text }}) is not null
        and json_array_length('[' || {{ text }} || ']') = 1,
        false
    )
{%- endmacro %}
