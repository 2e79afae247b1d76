{#- A JSON value that is a string, as its text; NULL for any other kind (a number, an object, null). -#}
{% macro json_string(value) -%}
    case
        when {{ inference_tables.json_kind_in(value, ['string']) }}
            then {{ inference_tables.json_text(value) }}
    end
{%- endmacro %}
