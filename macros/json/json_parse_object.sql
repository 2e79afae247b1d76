{#-
    Parse JSON object text once into a struct with one field per key in `keys`, each holding
    that key's value as JSON (read it with json_kind / json_text); an absent key or a JSON
    null gives NULL. Only call it on text that is valid JSON.
-#}
{% macro json_parse_object(text, keys) -%}
    {%- if keys is string or keys | length == 0 -%}
        {{ exceptions.raise_compiler_error("json_parse_object: keys must be a non-empty list of key names") }}
    {%- endif -%}
    {%- set structure = {} -%}
    {%- for key in keys -%}
        {%- do structure.update({key: 'json'}) -%}
    {%- endfor -%}
    {{ inference_tables.json_parse(text, structure) }}
{%- endmacro %}
