{#-
    SQL for the request ids an incremental run of `training_corpus` rebuilds: those ranked
    again since its watermark, and those whose ground-truth label is not the one the model
    holds (new or changed; a label that is gone is deleted by `delete_unlabeled_requests`).
-#}
{% macro label_touched_request_ids(copies_relation, labels_relation) -%}
    {{ inference_tables.reranked_request_ids(copies_relation) }}
    union
    {{ inference_tables.changed_request_ids(
        'select databricks_request_id as request_id, label as tracked_value from '
            ~ labels_relation,
        'select databricks_request_id as request_id, label as tracked_value from ' ~ this) }}
{%- endmacro %}
