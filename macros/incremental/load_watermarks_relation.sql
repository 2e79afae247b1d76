{#- The table where each incremental model records the last raw-file load it has taken in. -#}
{% macro load_watermarks_relation() -%}
    {{ return(api.Relation.create(
        database=target.get('database'), schema=target.schema, identifier='load_watermarks')) }}
{%- endmacro %}
