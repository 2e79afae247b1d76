{#-
    on-run-start: a DuckDB file keeps the storage format it was created in. One created before
    the profile asked for v1.2.0 stores the JSON bodies uncompressed, about three times the
    space: say so once per run, with the command that rewrites it (docs/storage.md).
-#}
{% macro storage_format_notice() -%}
    {{ return(adapter.dispatch('storage_format_notice', 'inference_tables')()) }}
{%- endmacro %}

{% macro default__storage_format_notice() -%}
    {{ inference_tables.unsupported_adapter('storage_format_notice') }}
{%- endmacro %}

{% macro duckdb__storage_format_notice() -%}
    {%- if execute -%}
        {%- set version = run_query(
            "select tags['storage_version'] from duckdb_databases()"
            ~ " where database_name = current_database()"
        ).columns[0].values()[0] -%}
        {%- set numbers = (version or '').strip('v+').split('.') -%}
        {%- if version and numbers | select('ne', '') | list
            and (numbers | map('int') | list) < [1, 2, 0] -%}
            {{ log(
                "Note: the database file " ~ target.path ~ " is in DuckDB's " ~ version
                ~ " storage format, in which the JSON bodies take about three times the space"
                ~ " of the v1.2.0 format new files get. To rewrite it, keeping every table, run"
                ~ " .venv/bin/python scripts/upgrade_database_storage.py " ~ target.path
                ~ " while no build runs.", info=True) }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{% macro spark__storage_format_notice() -%}
{%- endmacro %}
