{#-
    pre-hook of `training_corpus`: on an incremental run, delete the rows whose request no
    longer has a ground-truth label (a batch only inserts and replaces rows). Runs in the
    model's transaction; nothing to do on a full build.
-#}
{% macro delete_unlabeled_requests(labels_relation) -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where databricks_request_id not in (
            select databricks_request_id from {{ labels_relation }}
        )
    {%- endif -%}
{%- endmacro %}
