{#-
    Reviewer feedback per request: one row per request with at least one (latest) text
    assessment, and the verdict its ratings give. A rating value listed in the
    `feedback_rating_verdicts` seed counts as positive or negative (true/false,
    'positive'/'negative', ...); other values and numeric ratings carry no verdict.
    Retrieval assessments judge retrieved documents, not the answer, so they are left out.
-#}
with

latest_assessments as (
    select * from {{ ref('latest_assessments') }}
),

rating_verdicts as (
    select * from {{ ref('feedback_rating_verdicts') }}
),

text_assessments as (
    select
        request_id,
        timestamp as assessed_at,
        text_assessment
    from latest_assessments
    where assessment_type = 'text'
),

exploded_ratings as (
    select
        request_id,
        {{ inference_tables.explode_with_position(
            'map_values(text_assessment.ratings)', 'rating', 'rating_position') }}
    from text_assessments
),

ratings as (
    select
        request_id,
        lower(trim(rating.value)) as rating_value
    from exploded_ratings
),

rating_counts as (
    select
        ratings.request_id,
        sum(case when rating_verdicts.verdict = 'positive' then 1 else 0 end)
            as positive_rating_count,
        sum(case when rating_verdicts.verdict = 'negative' then 1 else 0 end)
            as negative_rating_count
    from ratings
    inner join rating_verdicts
        on ratings.rating_value = rating_verdicts.rating_value
    group by ratings.request_id
),

assessment_counts as (
    select
        request_id,
        count(*) as text_assessment_count,
        max(assessed_at) as last_assessed_at
    from text_assessments
    group by request_id
),

final as (
    select
        assessment_counts.request_id,
        case
            when rating_counts.positive_rating_count > 0
                and rating_counts.negative_rating_count > 0 then 'mixed'
            when rating_counts.positive_rating_count > 0 then 'positive'
            when rating_counts.negative_rating_count > 0 then 'negative'
        end as feedback_verdict,
        assessment_counts.text_assessment_count,
        cast(coalesce(rating_counts.positive_rating_count, 0) as {{ dbt.type_bigint() }})
            as positive_rating_count,
        cast(coalesce(rating_counts.negative_rating_count, 0) as {{ dbt.type_bigint() }})
            as negative_rating_count,
        assessment_counts.last_assessed_at
    from assessment_counts
    left join rating_counts
        on assessment_counts.request_id = rating_counts.request_id
)

select * from final
