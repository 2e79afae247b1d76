{#- on-run-start: create the load_watermarks table once (it is append-only). -#}
{% macro create_load_watermarks() -%}
    {{ return(adapter.dispatch('create_load_watermarks', 'inference_tables')()) }}
{%- endmacro %}

{% macro default__create_load_watermarks() -%}
    create table if not exists {{ inference_tables.load_watermarks_relation() }} (
        model_name {{ dbt.type_string() }},
        load_id {{ dbt.type_bigint() }},
        recorded_at {{ dbt.type_timestamp() }}
    )
{%- endmacro %}
