{#-
    True when the text is JSON as RFC 8259 defines it; false (never NULL) for NULL text.
    DuckDB's parser also accepts trailing commas and NaN / Infinity (any letter case): a line
    that may hold one is checked again with every string literal replaced by `""`, so that
    only tokens outside strings count. (Removing the strings would turn `["a","b"]` into
    `[,]`, a trailing comma.)
-#}
{% macro json_is_valid(text) -%}
    {{ return(adapter.dispatch('json_is_valid', 'inference_tables')(text)) }}
{%- endmacro %}

{% macro duckdb__json_is_valid(text) -%}
    {%- set extension_pattern = "',\\s*[\\]}]|(?i:nan|inf)'" -%}
    {#- Where an extension can be outside strings: a comma before a closing bracket, or NaN /
        Inf as a value, after `,`, `:`, `[` or at the start. Each pattern starts with one
        character, which RE2 skips to, so these four are twice as fast as extension_pattern
        on every line; a match (often inside a string) only sends the line to the exact check. #}
    {%- set extension_hints = [
        "',\\s*(?:[\\]}]|-?(?i:nan|inf))'", "':\\s*-?(?i:nan|inf)'",
        "'\\[\\s*-?(?i:nan|inf)'", "'^\\s*-?(?i:nan|inf)'",
    ] -%}
    coalesce(
        case
            when not json_valid({{ text }}) then false
            when not (
                {%- for hint in extension_hints %}
                {{ 'or ' if not loop.first }}regexp_matches({{ text }}, {{ hint }})
                {%- endfor %}
            ) then true
            else not regexp_matches(
                regexp_replace({{ text }}, '"(?:[^"\\]|\\.)*"', '""', 'g'), {{ extension_pattern }}
            )
        end,
        false
    )
{%- endmacro %}

{% macro spark__json_is_valid(text) -%}
    {#- parse_json refuses the extensions (NaN, single quotes, raw control characters, lone
        surrogates) but stops after the first value ('[1]]' parses); the array parser reads
        `[text,0]` and finds two elements only when nothing follows the value. A repeated key
        is valid JSON: session_settings (on-run-start) lets VARIANT keep the last value. #}
    coalesce(
        try_parse_json({{ text }}) is not null
        and json_array_length('[' || {{ text }} || ',0]') = 2,
        false
    )
{%- endmacro %}

{% macro default__json_is_valid(text) -%}
    {{ inference_tables.unsupported_adapter('json_is_valid') }}
{%- endmacro %}
