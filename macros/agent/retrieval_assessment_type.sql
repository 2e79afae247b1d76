{#- SPEC §4 SQL type of the `retrieval_assessment` column. -#}
{% macro retrieval_assessment_type() -%}
    {{ return(adapter.dispatch('retrieval_assessment_type', 'inference_tables')()) }}
{%- endmacro %}

{% macro default__retrieval_assessment_type() -%}
    struct(
        "position" integer,
        step_id varchar,
        ratings {{ inference_tables.assessment_rating_map_type() }},
        free_text_comment varchar
    )
{%- endmacro %}

{% macro spark__retrieval_assessment_type() -%}
    struct<
        position: int,
        step_id: string,
        ratings: {{ inference_tables.assessment_rating_map_type() }},
        free_text_comment: string
    >
{%- endmacro %}
