{#- A JSON value that is an integer number, as BIGINT; NULL for any other kind (a string "12", 12.5, true). -#}
{% macro json_integer(value) -%}
    case
        when {{ inference_tables.json_kind_in(value, ['integer']) }}
            then cast({{ inference_tables.json_text(value) }} as bigint)
    end
{%- endmacro %}
