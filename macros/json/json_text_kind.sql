{#-
    The kind of the JSON document held in text that is valid JSON, read from its first
    character without parsing it: 'object', 'array', 'string', or 'scalar' (number, true,
    false, null). Portable: both engines read `\t`, `\n`, `\r` in the pattern as blanks.
-#}
{% macro json_text_kind(text) -%}
    case regexp_extract({{ text }}, '^[ \t\n\r]*(.)', 1)
        when '{' then 'object'
        when '[' then 'array'
        when '"' then 'string'
        else 'scalar'
    end
{%- endmacro %}
