{#- SQL condition: `left` and `right` (table aliases) agree on every column of `keys`, NULLs
    matching NULLs (the whole-table slice has NULL slice keys). -#}
{% macro monitoring_keys_match(left, right, keys) -%}
    {%- for key in keys %}
    {{ 'and ' if not loop.first }}{{ left }}.{{ key }} is not distinct from {{ right }}.{{ key }}
    {%- endfor %}
{%- endmacro %}
