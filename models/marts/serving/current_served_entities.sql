{#- The current version of each served entity: its row with the latest change_time. -#}
with

served_entity_versions as (
    select * from {{ ref('stg_serving__served_entities') }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by served_entity_id
            order by change_time desc, endpoint_config_version desc
        ) as version_rank
    from served_entity_versions
),

final as (
    select
        served_entity_id,
        account_id,
        workspace_id,
        endpoint_id,
        created_by,
        endpoint_name,
        served_entity_name,
        entity_type,
        entity_name,
        entity_version,
        task,
        external_model_config,
        foundation_model_config,
        custom_model_config,
        feature_spec_config,
        endpoint_config_version,
        change_time,
        endpoint_delete_time,
        endpoint_delete_time is not null as is_endpoint_deleted
    from ranked
    where version_rank = 1
)

select * from final
