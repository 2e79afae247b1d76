{#-
    Supervised training and evaluation rows: every request of `payload_request_logs` that has
    a ground-truth label, with its prompt (the last user query) and response (the last answer),
    as docs/payload_formats.md extracts them. A prompt or response is NULL when the body was over the size
    limit or held no text. Export it as JSONL with scripts/export_training_corpus.py.
-#}
with

request_logs as (
    select * from {{ ref('payload_request_logs') }}
),

labels as (
    select * from {{ ref('stg_labels__ground_truth_labels') }}
),

final as (
    select
        request_logs.databricks_request_id,
        request_logs.conversation_id,
        request_logs.request_metadata['endpoint_name'] as endpoint_name,
        request_logs.request as prompt,
        request_logs.response,
        labels.label,
        request_logs.timestamp as request_time
    from request_logs
    inner join labels
        on request_logs.databricks_request_id = labels.databricks_request_id
)

select * from final
