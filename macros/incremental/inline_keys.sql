{#-
    The keys a query selects, as a list of SQL literals, when `dbt build` or `dbt test` runs
    and there are at most `max_keys` of them; else the query itself. DuckDB pushes a literal
    list into a view's window (`latest_assessments`), where it computes the whole window for a
    subquery: a test of the view then reads only the keys' rows.
-#}
{% macro inline_keys(keys_sql, max_keys=10000) -%}
    {%- if not execute or flags.WHICH not in ('build', 'test') -%}
        {%- do return(keys_sql) -%}
    {%- endif -%}
    {%- set found = run_query(
        'select distinct * from (' ~ keys_sql ~ ') as tested_keys limit ' ~ (max_keys + 1)
    ).columns[0].values() | reject('none') | list -%}
    {%- if found | length > max_keys -%}
        {%- do return(keys_sql) -%}
    {%- endif -%}
    {%- set literals = [] -%}
    {%- for key in found | sort -%}
        {%- do literals.append(inference_tables.string_literal(key)) -%}
    {%- endfor -%}
    {%- do return(literals | join(', ') if literals else 'select null') -%}
{%- endmacro %}
