{#-
    SQL for the request ids an incremental run of `inference_requests` rebuilds: those ranked
    again since its watermark, and those whose feedback verdict in `request_feedback` is not
    the one the model holds (new, changed or gone). Comparing verdicts, instead of rebuilding
    every request with a verdict, keeps the run's cost to what changed.
-#}
{% macro verdict_touched_request_ids(copies_relation, feedback_relation) -%}
    {{ inference_tables.reranked_request_ids(copies_relation) }}
    union
    {{ inference_tables.changed_request_ids(
        'select request_id, feedback_verdict as tracked_value from ' ~ feedback_relation
            ~ ' where feedback_verdict is not null',
        'select databricks_request_id as request_id, feedback_verdict as tracked_value from '
            ~ this ~ ' where has_feedback_verdict') }}
{%- endmacro %}
