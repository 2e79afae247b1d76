{#- docs/input_format.md, payload_assessment_logs `ratings` as a data_type structure: MAP(name, STRUCT(value, double_value, rationale)). -#}
{% macro assessment_ratings_structure() -%}
    {{ return(inference_tables.map_of({
        'value': 'string', 'double_value': 'double', 'rationale': 'string'
    })) }}
{%- endmacro %}
