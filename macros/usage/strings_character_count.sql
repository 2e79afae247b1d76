{#- Input characters (docs/payload_formats.md) of a list of strings: their summed character length (NULL for NULL). -#}
{% macro strings_character_count(strings) -%}
    {{ inference_tables.list_sum(inference_tables.list_transform(strings, 'string_item', 'length(string_item)')) }}
{%- endmacro %}
