{#-
    on-run-start: `dbt run` does not load seeds, so a model over a seed that was never loaded
    would fail with a bare "table does not exist". Stop first with what to do instead.
-#}
{% macro require_loaded_seeds() -%}
    {%- if execute and flags.WHICH == 'run' -%}
        {%- set missing = [] -%}
        {%- for unique_id in selected_resources -%}
            {%- set node = graph.nodes.get(unique_id) -%}
            {%- for parent_id in (node.depends_on.nodes if node else []) -%}
                {%- set parent = graph.nodes.get(parent_id) -%}
                {%- if parent and parent.resource_type == 'seed' and parent.name not in missing
                    and adapter.get_relation(parent.database, parent.schema, parent.alias) is none -%}
                    {%- do missing.append(parent.name) -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endfor -%}
        {%- if missing -%}
            {{ exceptions.raise_compiler_error(
                "The seed(s) " ~ (missing | sort | join(', ')) ~ " are not loaded in this database,"
                ~ " and `dbt run` does not load seeds. Run `dbt seed` first, or `dbt build`,"
                ~ " which loads them before the models.") }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
