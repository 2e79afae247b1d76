{#-
    Parse JSON object text once into a struct with one field per key in `keys`. Each field
    holds that key's value as JSON (read it with json_kind / json_text); an absent key or a
    JSON null gives NULL. Only call it on text that is a valid JSON object.
-#}
{% macro json_parse_object(text, keys) -%}
    {%- if keys is string or keys | length == 0 -%}
        {{ exceptions.raise_compiler_error("json_parse_object: keys must be a non-empty list of key names") }}
    {%- endif -%}
    {{ return(adapter.dispatch('json_parse_object', 'inference_tables')(text, keys)) }}
{%- endmacro %}

{% macro default__json_parse_object(text, keys) -%}
    {%- set fields = [] -%}
    {%- for key in keys -%}
        {%- do fields.append('"' ~ key ~ '":"JSON"') -%}
    {%- endfor -%}
    from_json({{ text }}, '{{ "{" ~ fields | join(",") ~ "}" }}')
{%- endmacro %}
