with

ground_truth_labels as (
    select * from {{ ref('ground_truth_labels') }}
),

renamed as (
    select
        cast(databricks_request_id as {{ dbt.type_string() }}) as databricks_request_id,
        cast(trim(label) as {{ dbt.type_string() }}) as label
    from ground_truth_labels
)

select * from renamed
