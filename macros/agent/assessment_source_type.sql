{#- docs/input_format.md, payload_assessment_logs SQL type of the `source` column, for every engine (see data_type). -#}
{% macro assessment_source_type() -%}
    {{ inference_tables.data_type({
        'id': 'string', 'type': 'string', 'tags': inference_tables.map_of('string')
    }) }}
{%- endmacro %}
