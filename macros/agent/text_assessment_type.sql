{#- SPEC §4 SQL type of the `text_assessment` column. -#}
{% macro text_assessment_type() -%}
    {{ return(adapter.dispatch('text_assessment_type', 'inference_tables')()) }}
{%- endmacro %}

{% macro default__text_assessment_type() -%}
    struct(
        step_id varchar,
        ratings {{ inference_tables.assessment_rating_map_type() }},
        free_text_comment varchar,
        suggested_output varchar
    )
{%- endmacro %}

{% macro spark__text_assessment_type() -%}
    struct<
        step_id: string,
        ratings: {{ inference_tables.assessment_rating_map_type() }},
        free_text_comment: string,
        suggested_output: string
    >
{%- endmacro %}
