{#-
    dbt calls this for the model a generic data test reads (dbt's own version applies only the
    test's `where`). Here, a test of an incremental model also reads only the rows of the loads
    tested (latest_load_condition: this build's on `dbt build`, the latest on `dbt test`), so
    what a scheduled build tests follows what it loaded, not the whole history. A
    --full-refresh build, or the var `full_data_tests` (for a periodic full check), tests
    whole tables; so does a test with `meta: {whole_table: true}` (a cheap check whose meaning
    needs the whole table, such as equal row counts).
-#}
{% macro default__get_where_subquery(relation) -%}
    {%- set whole_table = (config.get('meta') or {}).get('whole_table', false) -%}
    {%- set conditions = [
        config.get('where', ''),
        '' if whole_table else inference_tables.latest_load_condition(relation),
    ] | select | list -%}
    {%- if conditions -%}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ conditions | join(' and ') }}) dbt_subquery
        {%- endset -%}
        {%- do return(filtered) -%}
    {%- endif -%}
    {%- do return(relation) -%}
{%- endmacro %}
