{#- docs/input_format.md, payload_assessment_logs SQL type of the `text_assessment` column, for every engine (see data_type). -#}
{% macro text_assessment_type() -%}
    {{ inference_tables.data_type({
        'step_id': 'string',
        'ratings': inference_tables.assessment_ratings_structure(),
        'free_text_comment': 'string',
        'suggested_output': 'string',
    }) }}
{%- endmacro %}
