{#-
    The validated lines (every column of `lines_relation`) of the ranked copies matching
    `copy_condition` (e.g. 'copy_number = 1'), with each copy's rank, first copy and the load
    that ranked it, limited on an incremental run to the copies ranked again since the current
    model's watermark.
-#}
{% macro ranked_copies_batch(copies_relation, lines_relation, copy_condition) -%}
    select
        lines.*,
        copies.copy_number,
        copies.first_copy_source_file,
        copies.first_copy_line_number,
        copies.ranked_in_load
    from (
        select *
        from {{ copies_relation }}
        where
            {{ copy_condition }}
            {%- if is_incremental() %}
            and ranked_in_load > {{ inference_tables.load_watermark() }}
            {%- endif %}
    ) as copies
    inner join {{ lines_relation }} as lines
        on
            copies.file_id = lines.file_id
            and copies.line_number = lines.line_number
{%- endmacro %}
