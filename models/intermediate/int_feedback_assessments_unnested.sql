{#-
    One row per individual assessment logged by the review app (docs/input_format.md, payload_assessment_logs): each record of a
    feedback request's `dataframe_records` gives one row per text assessment and one per
    retrieval assessment. `source`, `text_assessments` and `retrieval_assessments` may be JSON
    or strings holding JSON. Keyed by the feedback request and the positions inside it.
    Incremental: a run rebuilds the assessments of the request ids ranked again.
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    unique_key=['databricks_request_id', 'record_position', 'assessment_type', 'assessment_position'],
    pre_hook="{{ inference_tables.delete_reranked_requests(ref('int_payload_copies_ranked')) }}",
    post_hook="{{ inference_tables.record_load_watermark(
        ref('int_payload_copies_ranked'), 'ranked_in_load') }}",
) }}
{%- set record_structure = [{
    'request_id': 'string', 'source': 'json', 'text_assessments': 'json',
    'retrieval_assessments': 'json'
}] -%}
{%- set source_structure = {'id': 'string', 'type': 'string', 'tags': 'string_map'} -%}
{%- set text_structure = [{
    'step_id': 'string', 'ratings': 'json', 'free_text_comment': 'string',
    'suggested_output': 'string'
}] -%}
{%- set retrieval_structure = [{
    'position': 'integer', 'step_id': 'string', 'ratings': 'json', 'free_text_comment': 'string'
}] -%}

with

payloads as (
    select * from {{ ref('int_payload_rows') }}
    {{ inference_tables.ranked_since_watermark_filter() }}
),

feedback_requests as (
    select
        databricks_request_id,
        request_time,
        feedback_records
    from payloads
    where is_feedback_request
),

records as (
    select
        databricks_request_id,
        request_time,
        {{ inference_tables.explode_with_position(
            inference_tables.json_parse('feedback_records', record_structure),
            'record', 'record_position') }}
    from feedback_requests
    where {{ inference_tables.json_kind('feedback_records') }} = 'array'
),

normalized_records as (
    select
        databricks_request_id,
        request_time,
        record_position,
        record.request_id,
        {{ inference_tables.json_unwrap_string('record.source') }} as source_json,
        {{ inference_tables.json_unwrap_string('record.text_assessments') }} as text_assessments,
        {{ inference_tables.json_unwrap_string('record.retrieval_assessments') }}
            as retrieval_assessments
    from records
),

sourced_records as (
    select
        *,
        case
            when {{ inference_tables.json_kind('source_json') }} = 'object'
                then {{ inference_tables.json_parse('source_json', source_structure) }}
        end as source
    from normalized_records
),

text_assessments as (
    select
        databricks_request_id,
        request_time,
        record_position,
        request_id,
        source,
        {{ inference_tables.explode_with_position(
            inference_tables.json_parse('text_assessments', text_structure),
            'assessment', 'assessment_position') }}
    from sourced_records
    where {{ inference_tables.json_kind('text_assessments') }} = 'array'
),

retrieval_assessments as (
    select
        databricks_request_id,
        request_time,
        record_position,
        request_id,
        source,
        {{ inference_tables.explode_with_position(
            inference_tables.json_parse('retrieval_assessments', retrieval_structure),
            'assessment', 'assessment_position') }}
    from sourced_records
    where {{ inference_tables.json_kind('retrieval_assessments') }} = 'array'
),

text_rows as (
    select
        databricks_request_id,
        record_position,
        'text' as assessment_type,
        assessment_position,
        request_id,
        assessment.step_id,
        source,
        request_time,
        {{ inference_tables.named_struct({
            'step_id': 'assessment.step_id',
            'ratings': inference_tables.assessment_ratings('assessment.ratings'),
            'free_text_comment': 'assessment.free_text_comment',
            'suggested_output': 'assessment.suggested_output',
        }) }} as text_assessment,
        null as retrieval_assessment
    from text_assessments
),

retrieval_rows as (
    select
        databricks_request_id,
        record_position,
        'retrieval' as assessment_type,
        assessment_position,
        request_id,
        assessment.step_id,
        source,
        request_time,
        null as text_assessment,
        {{ inference_tables.named_struct({
            'position': 'assessment.position',
            'step_id': 'assessment.step_id',
            'ratings': inference_tables.assessment_ratings('assessment.ratings'),
            'free_text_comment': 'assessment.free_text_comment',
        }) }} as retrieval_assessment
    from retrieval_assessments
),

final as (
    select * from text_rows
    union all
    select * from retrieval_rows
)

select * from final
