{#-
    The (source_file, line_number) of the ranked copies matching `copy_condition` (e.g.
    'copy_number = 1'), limited on an incremental run to those ranked again since the current
    model's watermark. Models join it to int_payload_lines_validated for the lines' fields.
-#}
{% macro ranked_copies_batch(copies_relation, copy_condition) -%}
    select *
    from {{ copies_relation }}
    where
        {{ copy_condition }}
        {%- if is_incremental() %}
        and ranked_in_load > {{ inference_tables.load_watermark() }}
        {%- endif %}
{%- endmacro %}
