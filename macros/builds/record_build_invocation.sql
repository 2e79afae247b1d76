{#-
    on-run-end: record this dbt invocation in the table `build_invocations` of the database it
    built, so that publishing can refuse the run results of a build of another database file.
    Two hooks, one statement each (Spark runs one statement at a time).
-#}
{% macro build_invocations_relation() -%}
    {{ return(api.Relation.create(
        database=target.get('database'), schema=target.schema, identifier='build_invocations')) }}
{%- endmacro %}

{% macro create_build_invocations() -%}
    create table if not exists {{ inference_tables.build_invocations_relation() }} (
        invocation_id {{ dbt.type_string() }},
        finished_at {{ dbt.type_timestamp() }}
    )
{%- endmacro %}

{% macro record_build_invocation() -%}
    insert into {{ inference_tables.build_invocations_relation() }}
    select '{{ invocation_id }}', {{ dbt.current_timestamp() }}
{%- endmacro %}
