{#-
    True when every row of `relation` has `column` at or above first_tested_load: the loads
    the data tests read are the whole table (a build from an empty database, or `dbt test`
    after one load), so they need no filter. False where that cannot be known cheaply: outside
    `dbt build` and `dbt test`, before the relation exists, or for a view (computing it to
    find its loads would cost what the filter saves).
-#}
{% macro loaded_entirely(relation, column) -%}
    {%- set existing = load_relation(relation) if flags.WHICH in ('build', 'test') else none -%}
    {%- if existing is none or not existing.is_table -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set query -%}
        select coalesce(min({{ column }}) >= {{ inference_tables.first_tested_load(
            relation, column) }}, true)
        from {{ relation }}
    {%- endset -%}
    {{ return(run_query(query).columns[0].values()[0]) }}
{%- endmacro %}
