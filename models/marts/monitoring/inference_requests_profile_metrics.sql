{#-
    Profile metrics of inference_requests (SPEC §7, as Databricks data profiling writes
    `{table}_profile_metrics`): per window (1 hour, 1 day), slice (whole table, endpoint,
    served entity, status class) and column, the column's statistics, plus a `:table` row
    with the row count. Incremental: a run deletes and recomputes the windows its rebuilt
    requests touch (touched_monitoring_windows).
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{{ inference_tables.delete_touched_monitoring_windows(
        ref('monitoring_rebuilt_request_hours')) }}",
    post_hook="{{ inference_tables.record_load_watermark(ref('inference_requests'), 'built_in_run') }}",
) }}
{%- set numeric_columns = var('monitoring_numeric_columns') -%}
{%- set categorical_columns = var('monitoring_categorical_columns') -%}
{%- set quantile_points = [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1] -%}
{%- set window_keys = 'granularity, window_start, slice_key, slice_value' -%}

with

{% if is_incremental() -%}
touched_windows as (
    {{ inference_tables.touched_monitoring_windows(ref('monitoring_rebuilt_request_hours')) }}
),

{% endif -%}
requests as (
    select * from {{ ref('inference_requests') }}
    {% if is_incremental() -%}
        where {{ inference_tables.touched_windows_time_bound(
            ref('monitoring_rebuilt_request_hours')) }}
    {%- endif %}
),

windowed as (
    {{ inference_tables.monitoring_windowed_requests(
        'requests', 'touched_windows' if is_incremental() else none) }}
),

slice_rows as (
    {{ inference_tables.monitoring_slice_rows('windowed') }}
),

table_profiles as (
    select
        {{ window_keys }},
        case
            when slice_key = 'served_entity_id'
                then max(entity_name || coalesce('/' || entity_version, ''))
        end as model_id,
        count(*) as row_count
    from slice_rows
    group by {{ window_keys }}
),

numeric_values as (
    {{ inference_tables.monitoring_column_values('slice_rows', numeric_columns, 'double') }}
),

numeric_profiles as (
    select
        {{ window_keys }},
        column_name,
        count(value) as value_count,
        count(*) - count(value) as num_nulls,
        avg(value) as avg,
        stddev_samp(value) as stddev,
        min(value) as min,
        max(value) as max,
        count(case when value = 0 then 1 end) as num_zeros,
        count(distinct value) as distinct_count,
        {{ inference_tables.quantiles_linear('value', quantile_points) }} as quantiles
    from numeric_values
    group by {{ window_keys }}, column_name
),

categorical_values as (
    {{ inference_tables.monitoring_column_values('slice_rows', categorical_columns, 'string') }}
),

categorical_counts as (
    select
        {{ window_keys }},
        column_name,
        count(value) as value_count,
        count(*) - count(value) as num_nulls,
        count(distinct value) as distinct_count
    from categorical_values
    group by {{ window_keys }}, column_name
),

item_counts as (
    select
        {{ window_keys }},
        column_name,
        value as item,
        count(*) as item_count
    from categorical_values
    where value is not null
    group by {{ window_keys }}, column_name, value
),

ranked_items as (
    select
        *,
        row_number() over (
            partition by {{ window_keys }}, column_name
            order by item_count desc, item asc
        ) as item_rank
    from item_counts
),

frequent_items as (
    select
        {{ window_keys }},
        column_name,
        {{ inference_tables.list_agg_ordered(
            inference_tables.named_struct({'item': 'item', 'count': 'item_count'}),
            'item_rank') }} as frequent_items
    from ranked_items
    where item_rank <= 10
    group by {{ window_keys }}, column_name
),

categorical_profiles as (
    select
        categorical_counts.*,
        frequent_items.frequent_items
    from categorical_counts
    left join frequent_items
        on
            categorical_counts.granularity = frequent_items.granularity
            and categorical_counts.window_start = frequent_items.window_start
            and categorical_counts.column_name = frequent_items.column_name
            and categorical_counts.slice_key is not distinct from frequent_items.slice_key
            and categorical_counts.slice_value is not distinct from frequent_items.slice_value
),

column_profiles as (
    select
        {{ window_keys }},
        column_name,
        value_count,
        num_nulls,
        avg,
        stddev,
        min,
        max,
        num_zeros,
        distinct_count,
        quantiles,
        cast(null as {{ inference_tables.frequent_items_type() }}) as frequent_items
    from numeric_profiles
    union all
    select
        {{ window_keys }},
        column_name,
        value_count,
        num_nulls,
        cast(null as double) as avg,
        cast(null as double) as stddev,
        cast(null as double) as min,
        cast(null as double) as max,
        cast(null as bigint) as num_zeros,
        distinct_count,
        cast(null as {{ inference_tables.data_type(['double']) }}) as quantiles,
        frequent_items
    from categorical_profiles
),

profiles as (
    select
        table_profiles.granularity,
        table_profiles.window_start,
        table_profiles.slice_key,
        table_profiles.slice_value,
        table_profiles.model_id,
        ':table' as column_name,
        table_profiles.row_count as value_count,
        cast(null as bigint) as num_nulls,
        cast(null as double) as avg,
        cast(null as double) as stddev,
        cast(null as double) as min,
        cast(null as double) as max,
        cast(null as bigint) as num_zeros,
        cast(null as bigint) as distinct_count,
        cast(null as {{ inference_tables.data_type(['double']) }}) as quantiles,
        cast(null as {{ inference_tables.frequent_items_type() }}) as frequent_items
    from table_profiles
    union all
    select
        column_profiles.granularity,
        column_profiles.window_start,
        column_profiles.slice_key,
        column_profiles.slice_value,
        table_profiles.model_id,
        column_profiles.column_name,
        column_profiles.value_count,
        column_profiles.num_nulls,
        column_profiles.avg,
        column_profiles.stddev,
        column_profiles.min,
        column_profiles.max,
        column_profiles.num_zeros,
        column_profiles.distinct_count,
        column_profiles.quantiles,
        column_profiles.frequent_items
    from column_profiles
    inner join table_profiles
        on
            column_profiles.granularity = table_profiles.granularity
            and column_profiles.window_start = table_profiles.window_start
            and column_profiles.slice_key is not distinct from table_profiles.slice_key
            and column_profiles.slice_value is not distinct from table_profiles.slice_value
),

final as (
    select
        {{ inference_tables.named_struct({
            'start': 'window_start',
            'end': inference_tables.monitoring_window_end('window_start', 'granularity'),
        }) }} as {{ adapter.quote('window') }},
        granularity,
        model_id,
        slice_key,
        slice_value,
        column_name,
        value_count as {{ adapter.quote('count') }},
        num_nulls,
        cast(num_nulls as double) * 100 / (value_count + num_nulls) as percent_null,
        avg,
        stddev,
        min,
        max,
        num_zeros,
        cast(num_zeros as double) * 100 / nullif(value_count, 0) as percent_zeros,
        distinct_count,
        cast(distinct_count as double) * 100 / nullif(value_count, 0) as percent_distinct,
        quantiles,
        frequent_items
    from profiles
)

select * from final
