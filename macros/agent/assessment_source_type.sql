{#- SPEC §4 SQL type of the `source` column. -#}
{% macro assessment_source_type() -%}
    {{ return(adapter.dispatch('assessment_source_type', 'inference_tables')()) }}
{%- endmacro %}

{% macro default__assessment_source_type() -%}
    struct(id varchar, "type" varchar, tags map(varchar, varchar))
{%- endmacro %}

{% macro spark__assessment_source_type() -%}
    struct<id: string, type: string, tags: map<string, string>>
{%- endmacro %}
