{#-
    pre-hook of the models that carry file rows: the previous run's file rows go, since every
    run reports the files it still cannot read. It runs in the model's transaction.
-#}
{% macro delete_file_rows(reason_column) -%}
    {%- if is_incremental() %}
        delete from {{ this }} where {{ reason_column }} in {{ inference_tables.file_row_reasons() }}
    {%- endif %}
{%- endmacro %}
