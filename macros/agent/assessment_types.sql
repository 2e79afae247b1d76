{#- SPEC §4 SQL types of payload_assessment_logs, per engine. -#}
{% macro assessment_source_type() -%}
    {{ return(adapter.dispatch('assessment_source_type', 'inference_tables')()) }}
{%- endmacro %}

{% macro default__assessment_source_type() -%}
    struct(id varchar, "type" varchar, tags map(varchar, varchar))
{%- endmacro %}

{% macro assessment_rating_map_type() -%}
    {{ return(adapter.dispatch('assessment_rating_map_type', 'inference_tables')()) }}
{%- endmacro %}

{% macro default__assessment_rating_map_type() -%}
    map(varchar, struct("value" varchar, double_value double, rationale varchar))
{%- endmacro %}

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
