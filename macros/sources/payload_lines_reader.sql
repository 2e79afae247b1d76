{#-
    The name of the model that reads the payload lines in this setup, one per input mode, each
    in the staging folder of its source: the Python reader of raw files on DuckDB, its SQL twin
    on Spark, or the Databricks payload table written back as lines. The models downstream
    read the lines through this macro, so one SQL serves every mode.
-#}
{% macro payload_lines_reader() -%}
    {%- if var('payload_source', 'raw_files') == 'databricks_payload_table' -%}
        {{ return('stg_databricks_inference__payload_lines') }}
    {%- elif target.type in ('spark', 'databricks') -%}
        {{ return('stg_gateway_spark__payload_lines') }}
    {%- else -%}
        {{ return('stg_gateway__payload_lines') }}
    {%- endif -%}
{%- endmacro %}
