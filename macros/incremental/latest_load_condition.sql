{#-
    A SQL condition on the rows of `relation` that its tested loads wrote (first_tested_load:
    this build's loads on `dbt build`, the latest load on `dbt test`), from the model's
    `meta.latest_load`: `{column: load_id}` when the model has its load column, or
    `{column: <key>, from: <upstream model>, load_column: <its load column>}` for the rows
    whose key the upstream's latest load carried (without `load_column`: the keys of the
    upstream rows its own condition selects; `upstream_column` when the upstream names the
    key otherwise). '' (every row) for a model without it, a
    model that is neither incremental nor a view on an engine that builds incrementally, a
    --full-refresh build, the var `full_data_tests`, or when the loads tested are every row
    (loaded_entirely: a build from an empty database), so such a build's tests scan their
    tables without first finding the rows of a load.
-#}
{% macro latest_load_condition(relation) -%}
    {%- if var('full_data_tests', false) or flags.FULL_REFRESH or not execute -%}
        {%- do return('') -%}
    {%- endif -%}
    {%- set condition = namespace(sql='') -%}
    {#- A view over an incremental model (payload) is tested like it. -#}
    {%- set incremental = inference_tables.incremental_materialization() == 'incremental' -%}
    {%- for node in graph.nodes.values()
        if node.resource_type == 'model' and incremental
        and node.config.materialized in ('incremental', 'view')
        and node.alias | lower == (relation.identifier or '') | lower
        and node.schema | lower == (relation.schema or '') | lower -%}
        {%- set rule = node.config.meta.get('latest_load') -%}
        {%- if rule and rule.get('from') -%}
            {%- set upstream = graph.nodes['model.' ~ project_name ~ '.' ~ rule['from']] -%}
            {%- set upstream_relation = api.Relation.create(
                database=upstream.database, schema=upstream.schema, identifier=upstream.alias) -%}
            {%- if not rule.get('load_column') -%}
                {%- set upstream_condition = inference_tables.latest_load_condition(
                    upstream_relation) -%}
            {%- elif inference_tables.loaded_entirely(upstream_relation, rule['load_column']) -%}
                {%- set upstream_condition = '' -%}
            {%- else -%}
                {%- set upstream_condition = rule['load_column'] ~ ' >= '
                    ~ inference_tables.first_tested_load(upstream_relation, rule['load_column']) -%}
            {%- endif -%}
            {%- if upstream_condition -%}
                {%- set keys_sql = inference_tables.few_values_subquery(
                    rule.get('upstream_column', rule['column']), upstream_relation,
                    upstream_condition) -%}
                {%- set condition.sql = rule['column'] ~ ' in (' ~ keys_sql ~ ')' -%}
            {%- endif -%}
        {%- elif rule and not inference_tables.loaded_entirely(relation, rule['column']) -%}
            {%- set condition.sql -%}
                {{ rule['column'] }} >= {{ inference_tables.first_tested_load(
                    relation, rule['column']) }}
            {%- endset -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do return(condition.sql) -%}
{%- endmacro %}
