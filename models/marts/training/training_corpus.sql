{#-
    Supervised training and evaluation rows: every request of `payload_request_logs` that has
    a ground-truth label, with its prompt (the last user query) and response (the last answer),
    as docs/payload_formats.md extracts them. A prompt or response is NULL when the body was over the size
    limit or held no text. Export it as JSONL with scripts/export_training_corpus.py.
    Incremental: a run rebuilds the requests ranked again and the requests whose label is new
    or changed, and deletes those whose label is gone.
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    unique_key='databricks_request_id',
    pre_hook=[
        "{{ inference_tables.delete_reranked_requests(ref('int_payload_copies_ranked')) }}",
        "{{ inference_tables.delete_unlabeled_requests(ref('stg_labels__ground_truth_labels')) }}",
    ],
    post_hook="{{ inference_tables.record_load_watermark(
        ref('int_payload_copies_ranked'), 'ranked_in_load') }}",
) }}

with

request_logs as (
    select * from {{ ref('payload_request_logs') }}
),

labels as (
    {#- The batch is limited on the labels: the request logs are read for their few ids. #}
    select * from {{ ref('stg_labels__ground_truth_labels') }}
    {% if is_incremental() -%}
        where databricks_request_id in ({{ inference_tables.label_touched_request_ids(
            ref('int_payload_copies_ranked'), ref('stg_labels__ground_truth_labels')) }})
    {%- endif %}
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
