{#-
    post-hook: record that the current model has taken in every load of `upstream` (the
    greatest value of `load_column` there). It runs in the model's transaction, so a batch and
    its watermark commit together; a run stopped before the commit leaves the old watermark and
    the next run takes the same batch in again, which the models' unique keys make harmless.
-#}
{% macro record_load_watermark(upstream, load_column='load_id') -%}
    insert into {{ inference_tables.load_watermarks_relation() }} (model_name, load_id, recorded_at)
    select '{{ this.identifier }}', coalesce(max({{ load_column }}), 0), {{ dbt.current_timestamp() }}
    from {{ upstream }}
{%- endmacro %}
