{#-
    SQL for the request ids whose feedback verdict may have changed since the current model's
    watermark, beside the request ids ranked again: the requests assessed by a feedback request
    ranked again, and every request the current model holds with a verdict (a verdict can also
    change or go away when a feedback request's first copy changes).
-#}
{% macro verdict_touched_request_ids(copies_relation, assessments_relation) -%}
    {{ inference_tables.reranked_request_ids(copies_relation) }}
    union
    select request_id from {{ assessments_relation }}
    where databricks_request_id in (
        {{ inference_tables.reranked_request_ids(copies_relation) }}
    )
    union
    select databricks_request_id from {{ this }} where has_feedback_verdict
{%- endmacro %}
