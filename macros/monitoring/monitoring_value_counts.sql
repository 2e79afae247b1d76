{#-
    SQL of the value counts of `slice_rows` (a CTE from monitoring_slice_rows): per sample
    (granularity, window_start, slice_key, slice_value), one `:table` row with the sample's
    row count in value_rows and its model_id (entity/version, served-entity slices only), and
    per monitored column one row per distinct value, NULL included, with how often it occurs:
    numeric columns' values in numeric_value (DOUBLE), categorical ones' in categorical_value
    (string). The profile and drift statistics are computed from these counts.
-#}
{% macro monitoring_value_counts(slice_rows) -%}
    {%- set sample_keys = inference_tables.monitoring_sample_keys() -%}
    {%- set numeric_columns = var('monitoring_numeric_columns') -%}
    {%- set categorical_columns = var('monitoring_categorical_columns') -%}
    {%- set string_type = inference_tables.data_type('string') -%}
    with samples as (
        {#- Numbered: the values are counted per number, far faster than per four keys. #}
        select
            *,
            row_number() over (order by {{ sample_keys | join(', ') }}) as sample_id
        from (
            select
                {{ sample_keys | join(', ') }},
                case
                    when slice_key = 'served_entity_id'
                        then max(entity_name || coalesce('/' || entity_version, ''))
                end as model_id,
                count(*) as row_count
            from {{ slice_rows }}
            group by {{ sample_keys | join(', ') }}
        ) as sample_rows
    ),

    {#- Read by the numeric and the categorical values; joined again by each rather than held
        in memory (a row per request, window and slice). #}
    numbered_rows as {{ inference_tables.inlined_cte() }} (
        select
            {%- for column in numeric_columns + categorical_columns %}
            {{ slice_rows }}.{{ column }},
            {%- endfor %}
            samples.sample_id
        from {{ slice_rows }}
        inner join samples
            on {{ inference_tables.monitoring_keys_match(slice_rows, 'samples', sample_keys) }}
    ),

    numeric_values as (
        {{ inference_tables.monitoring_column_values(
            'numbered_rows', numeric_columns, 'double', ['sample_id']) }}
    ),

    categorical_values as (
        {{ inference_tables.monitoring_column_values(
            'numbered_rows', categorical_columns, 'string', ['sample_id']) }}
    ),

    value_counts as (
        select
            sample_id,
            {{ inference_tables.monitoring_column_name('column_index', numeric_columns) }}
                as column_name,
            value as numeric_value,
            cast(null as {{ string_type }}) as categorical_value,
            count(*) as value_rows
        from numeric_values
        group by sample_id, column_index, value
        union all
        select
            sample_id,
            {{ inference_tables.monitoring_column_name('column_index', categorical_columns) }}
                as column_name,
            cast(null as double) as numeric_value,
            value as categorical_value,
            count(*) as value_rows
        from categorical_values
        group by sample_id, column_index, value
    )

    select
        {{ sample_keys | join(', ') }},
        model_id,
        ':table' as column_name,
        cast(null as double) as numeric_value,
        cast(null as {{ string_type }}) as categorical_value,
        row_count as value_rows
    from samples
    union all
    select
        {%- for key in sample_keys %}
        samples.{{ key }},
        {%- endfor %}
        cast(null as {{ string_type }}) as model_id,
        value_counts.column_name,
        value_counts.numeric_value,
        value_counts.categorical_value,
        value_counts.value_rows
    from value_counts
    inner join samples
        on value_counts.sample_id = samples.sample_id
{%- endmacro %}
