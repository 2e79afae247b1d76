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
        {#- The file's format against the one the profile asks new files for (the session's
            storage_compatibility_version), versions compared number by number. -#}
        {%- set found = run_query(
            "select tags['storage_version'], current_setting('storage_compatibility_version'),"
            ~ " string_split(trim(tags['storage_version'], 'v+'), '.')::integer[]"
            ~ " < string_split(trim(current_setting('storage_compatibility_version'), 'v+'),"
            ~ " '.')::integer[]"
            ~ " from duckdb_databases() where database_name = current_database()"
        ).rows[0] -%}
        {%- if found[2] -%}
            {{ log(
                "Note: the database file " ~ target.path ~ " is in DuckDB's " ~ found[0]
                ~ " storage format, in which the JSON bodies take about three times the space"
                ~ " of the " ~ found[1] ~ " format new files get. To rewrite it, keeping every"
                ~ " table, run .venv/bin/python scripts/upgrade_database_storage.py "
                ~ target.path ~ " while no build runs.", info=True) }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{% macro spark__storage_format_notice() -%}
{%- endmacro %}
