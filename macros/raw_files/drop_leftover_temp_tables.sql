{#-
    post-hook of the Python reader, outside its transaction: drops the `<model>__dbt_tmp…`
    tables its incremental runs leave behind. dbt-duckdb writes a Python model's batch into a
    real table it never drops, so each run would otherwise keep a copy of the lines it read.
-#}
{% macro drop_leftover_temp_tables() -%}
    {%- if execute and is_incremental() -%}
        {%- set prefix = this.identifier ~ '__dbt_tmp' -%}
        {%- set tables = run_query(
            "select table_name from information_schema.tables"
            ~ " where table_catalog = '" ~ this.database ~ "'"
            ~ " and table_schema = '" ~ this.schema ~ "'"
            ~ " and table_name like '" ~ prefix ~ "%'"
        ) -%}
        {#- `_` matches any character in LIKE: keep only the names that do start so. -#}
        {%- for name in tables.columns[0].values() if name.startswith(prefix) -%}
            {%- do adapter.drop_relation(this.incorporate(path={'identifier': name}, type='table')) -%}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}
