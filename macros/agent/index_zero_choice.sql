{#-
    Choices (docs/payload_formats.md): the choice whose `index` is 0 in `choices` (a list of structs with an
    `index` parsed as JSON; a choice without an integer index counts as 0). With
    `first_as_fallback` (non-stream bodies), the first choice when none is at 0.
-#}
{% macro index_zero_choice(choices, first_as_fallback=false) -%}
    {%- set at_zero = inference_tables.list_element(inference_tables.list_filter(
        choices, 'choice', 'coalesce(' ~ inference_tables.json_integer('choice.index') ~ ', 0) = 0'
    ), 1) -%}
    {%- if first_as_fallback -%}
        coalesce({{ at_zero }}, {{ inference_tables.list_element(choices, 1) }})
    {%- else -%}
        {{ at_zero }}
    {%- endif -%}
{%- endmacro %}
