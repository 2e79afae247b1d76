{#- SPEC §4 SQL type of an assessment's `ratings` map. -#}
{% macro assessment_rating_map_type() -%}
    {{ return(adapter.dispatch('assessment_rating_map_type', 'inference_tables')()) }}
{%- endmacro %}

{% macro default__assessment_rating_map_type() -%}
    map(varchar, struct("value" varchar, double_value double, rationale varchar))
{%- endmacro %}

{% macro spark__assessment_rating_map_type() -%}
    map<string, struct<value: string, double_value: double, rationale: string>>
{%- endmacro %}
