with

served_entities as (
    select * from {{ ref('served_entities') }}
),

renamed as (
    select
        -- ids
        cast(served_entity_id as {{ dbt.type_string() }}) as served_entity_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(workspace_id as {{ dbt.type_string() }}) as workspace_id,
        cast(endpoint_id as {{ dbt.type_string() }}) as endpoint_id,
        -- strings
        cast(created_by as {{ dbt.type_string() }}) as created_by,
        cast(endpoint_name as {{ dbt.type_string() }}) as endpoint_name,
        cast(served_entity_name as {{ dbt.type_string() }}) as served_entity_name,
        cast(entity_type as {{ dbt.type_string() }}) as entity_type,
        cast(entity_name as {{ dbt.type_string() }}) as entity_name,
        cast(entity_version as {{ dbt.type_string() }}) as entity_version,
        cast(task as {{ dbt.type_string() }}) as task,
        cast(external_model_config as {{ dbt.type_string() }}) as external_model_config,
        cast(foundation_model_config as {{ dbt.type_string() }}) as foundation_model_config,
        cast(custom_model_config as {{ dbt.type_string() }}) as custom_model_config,
        cast(feature_spec_config as {{ dbt.type_string() }}) as feature_spec_config,
        -- numbers
        cast(endpoint_config_version as {{ dbt.type_bigint() }}) as endpoint_config_version,
        -- timestamps
        cast(change_time as {{ dbt.type_timestamp() }}) as change_time,
        cast(endpoint_delete_time as {{ dbt.type_timestamp() }}) as endpoint_delete_time
    from served_entities
)

select * from renamed
