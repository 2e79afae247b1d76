{#- docs/input_format.md, payload_assessment_logs SQL type of the `retrieval_assessment` column, for every engine (see data_type). -#}
{% macro retrieval_assessment_type() -%}
    {{ inference_tables.data_type({
        'position': 'integer',
        'step_id': 'string',
        'ratings': inference_tables.assessment_ratings_structure(),
        'free_text_comment': 'string',
    }) }}
{%- endmacro %}
