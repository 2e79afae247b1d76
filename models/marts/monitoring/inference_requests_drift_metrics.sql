{#-
    Drift metrics of inference_requests (SPEC §7, as Databricks data profiling writes
    `{table}_drift_metrics`): for each window (1 hour, 1 day), slice and profiled column, the
    change against the previous window of the same granularity and slice (CONSECUTIVE) and
    against the baseline window of the vars (BASELINE). Samples are read as counts of each
    distinct value (the windows' from monitoring_value_counts, the baseline's counted here),
    so the statistics need one ordered pass over them. Incremental: a run
    recomputes the windows its rebuilt requests touch and the windows after them
    (delete_recomputed_drift_rows), or everything when the baseline changed.
-#}
{{ config(
    materialized=inference_tables.incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{{ inference_tables.delete_recomputed_drift_rows(ref('inference_requests'),
        ref('monitoring_rebuilt_request_hours')) }}",
    post_hook="{{ inference_tables.record_load_watermark(ref('inference_requests'), 'built_in_run') }}",
) }}
{%- set numeric_columns = var('monitoring_numeric_columns') -%}
{%- set categorical_columns = var('monitoring_categorical_columns') -%}
{%- set baseline = inference_tables.monitoring_baseline() -%}
{%- set recompute_some = is_incremental() and not inference_tables.drift_metrics_rebuild(
    ref('inference_requests'), ref('monitoring_rebuilt_request_hours')) -%}
{%- set sample_keys = inference_tables.monitoring_sample_keys() -%}
{%- set monitored_columns = numeric_columns + categorical_columns -%}
{%- set measured_columns = monitored_columns + [':table'] -%}
{%- set measures = ['count', 'avg', 'percent_null', 'percent_zeros', 'percent_distinct'] -%}

with

{% if recompute_some -%}
touched_windows as (
    {{ inference_tables.touched_monitoring_windows(ref('monitoring_rebuilt_request_hours')) }}
),

recomputed_windows as (
    {{ inference_tables.monitoring_windows_and_neighbours('touched_windows', 'next') }}
),

read_windows as (
    {{ inference_tables.monitoring_windows_and_neighbours('recomputed_windows', 'previous') }}
),

{% endif -%}
{% if baseline -%}
baseline_requests as (
    select
        {{ inference_tables.monitoring_request_columns() | join(', ') }},
        'baseline' as granularity,
        {{ baseline.start }} as window_start
    from {{ ref('inference_requests') }}
    where request_time >= {{ baseline.start }} and request_time < {{ baseline['end'] }}
),

baseline_slice_rows as (
    {{ inference_tables.monitoring_slice_rows('baseline_requests') }}
),

{% endif -%}
{% if baseline -%}
baseline_counts as (
    {{ inference_tables.monitoring_value_counts('baseline_slice_rows') }}
),

{% endif -%}
value_counts as {{ inference_tables.inlined_cte() }} (
    {#- Samples: the windows' counts, and the baseline as one more sample (granularity
        'baseline'), counted in baseline_counts. Inlined into each of its three readers: a
        filter of the counts table is cheaper to read again than to hold in memory. #}
    {%- set count_columns = sample_keys + ['model_id', 'column_name', 'numeric_value',
        'categorical_value', 'value_rows'] %}
    select window_counts.{{ count_columns | join(', window_counts.') }}
    from {{ ref('monitoring_value_counts') }} as window_counts
    {%- if recompute_some %}
    {#- `in`, not a correlated `exists`: DuckDB then skips the other windows' row groups. #}
    where (window_counts.granularity, window_counts.window_start) in (
        select granularity, window_start from read_windows
    )
    {%- endif %}
    {%- if baseline %}
    union all
    select {{ count_columns | join(', ') }}
    from baseline_counts
    {%- endif %}
),

samples as (
    {#- Each sample: a window or the baseline, and a slice. #}
    {{ inference_tables.monitoring_samples('value_counts') }}
),

current_samples as (
    {#- The windows whose drift rows the run computes. #}
    select samples.*
    from samples
    {%- if recompute_some %}
    inner join recomputed_windows
        on
            samples.granularity = recomputed_windows.granularity
            and samples.window_start = recomputed_windows.window_start
    {%- endif %}
    where samples.granularity != 'baseline'
),

pairs as (
    {#- Each window against the window before it (CONSECUTIVE) and the baseline (BASELINE),
        numbered from its sample. #}
    {%- for drift_type in ['CONSECUTIVE', 'BASELINE'] if drift_type == 'CONSECUTIVE' or baseline %}
    select
        current_sample.sample_id * 2 + {{ loop.index0 }} as pair_id,
        current_sample.sample_id,
        compared.sample_id as compared_sample_id,
        {%- for key in sample_keys %}
        current_sample.{{ key }},
        {%- endfor %}
        '{{ drift_type }}' as drift_type,
        current_sample.model_id,
        compared.window_start as compared_start,
        {%- if drift_type == 'CONSECUTIVE' %}
        current_sample.window_start as compared_end
        {%- else %}
        {{ baseline['end'] }} as compared_end
        {%- endif %}
    from current_samples as current_sample
    inner join samples as compared
        on
            {%- if drift_type == 'CONSECUTIVE' %}
            current_sample.granularity = compared.granularity
            and current_sample.window_start = {{ inference_tables.monitoring_window_end(
                'compared.window_start', 'compared.granularity') }}
            {%- else %}
            compared.granularity = 'baseline'
            {%- endif %}
            and {{ inference_tables.monitoring_keys_match(
                'current_sample', 'compared', ['slice_key', 'slice_value']) }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

numeric_counts as (
    {#- How often each value (NULL included) occurs in each sample. #}
    {{ inference_tables.monitoring_sample_values(
        'value_counts', 'samples', numeric_columns, 'numeric_value') }}
),

categorical_counts as (
    {{ inference_tables.monitoring_sample_values(
        'value_counts', 'samples', categorical_columns, 'categorical_value') }}
),

sample_measures as (
    {#- Each sample's measures, as the profile metrics compute them. #}
    select
        sample_id,
        ':table' as column_name,
        row_count as {{ adapter.quote('count') }},
        cast(null as double) as avg,
        cast(null as double) as percent_null,
        cast(null as double) as percent_zeros,
        cast(null as double) as percent_distinct
    from samples
    {%- for kind in ['numeric', 'categorical'] %}
    union all
    select
        sample_id,
        column_name,
        cast(value_count as bigint) as {{ adapter.quote('count') }},
        {%- if kind == 'numeric' %}
        value_sum / nullif(value_count, 0) as avg,
        {%- else %}
        cast(null as double) as avg,
        {%- endif %}
        cast(num_nulls as double) * 100 / (value_count + num_nulls) as percent_null,
        {%- if kind == 'numeric' %}
        cast(num_zeros as double) * 100 / nullif(value_count, 0) as percent_zeros,
        {%- else %}
        cast(null as double) as percent_zeros,
        {%- endif %}
        cast(distinct_count as double) * 100 / nullif(value_count, 0) as percent_distinct
    from (
        select
            sample_id,
            column_name,
            sum(case when value is not null then value_rows else 0 end) as value_count,
            sum(case when value is null then value_rows else 0 end) as num_nulls,
            {%- if kind == 'numeric' %}
            sum(value * value_rows) as value_sum,
            sum(case when value = 0 then value_rows else 0 end) as num_zeros,
            {%- endif %}
            count(value) as distinct_count
        from {{ kind }}_counts
        group by sample_id, column_name
    ) as summaries
    {%- endfor %}
),

keyed_measures as (
    {#- The measures keyed by the sample and the column's position (':table' last). #}
    select
        *,
        {{ inference_tables.monitoring_series_id('sample_id', 'column_name', measured_columns) }}
            as measure_key
    from sample_measures
),

{%- for kind in ['numeric', 'categorical'] %}

{{ kind }}_pair_counts as (
    {#- Each pair's non-NULL values, with how often each occurs in the current sample (a) and
        in the compared one (b); series_id numbers the pair and column. Counted by the
        column's position, not its name: a smaller hash key. #}
    select
        pair_id,
        {{ inference_tables.monitoring_column_name('column_index', monitored_columns) }}
            as column_name,
        pair_id * {{ monitored_columns | length }} + column_index as series_id,
        value,
        {#- bigint: DuckDB's sum of bigints is a 128-bit integer, slower to sort and add. #}
        cast(sum(a_rows) as bigint) as a_rows,
        cast(sum(b_rows) as bigint) as b_rows
    from (
        {%- for side in ['a', 'b'] %}
        select
            pairs.pair_id,
            {{ inference_tables.monitoring_column_index('counts.column_name', monitored_columns) }}
                as column_index,
            counts.value,
            {{ 'counts.value_rows' if side == 'a' else '0' }} as a_rows,
            {{ 'counts.value_rows' if side == 'b' else '0' }} as b_rows
        from pairs
        inner join {{ kind }}_counts as counts
            on pairs.{{ 'sample_id' if side == 'a' else 'compared_sample_id' }} = counts.sample_id
        where counts.value is not null
        {%- if side == 'a' %}
        union all
        {%- endif %}
        {%- endfor %}
    ) as sides
    group by pair_id, column_index, value
),
{%- endfor %}

numeric_statistics as (
    {{ inference_tables.numeric_drift_statistics('numeric_pair_counts', 'series_id') }}
),

categorical_statistics as (
    {{ inference_tables.categorical_drift_statistics('categorical_pair_counts', 'pair_id') }}
),

categorical_pvalues as (
    {{ inference_tables.chi_squared_pvalues(
        'categorical_statistics', ['pair_id', 'column_name']) }}
),

final as (
    select
        {{ inference_tables.named_struct({
            'start': 'pairs.window_start',
            'end': inference_tables.monitoring_window_end('pairs.window_start', 'pairs.granularity'),
        }) }} as {{ adapter.quote('window') }},
        pairs.granularity,
        pairs.model_id,
        pairs.slice_key,
        pairs.slice_value,
        current_measures.column_name,
        pairs.drift_type,
        {{ inference_tables.named_struct({
            'start': 'pairs.compared_start',
            'end': 'pairs.compared_end',
        }) }} as window_cmp,
        {%- for measure in measures %}
        current_measures.{{ adapter.quote(measure) }}
        - compared_measures.{{ adapter.quote(measure) }} as {{ measure }}_delta,
        {%- endfor %}
        case when numeric_statistics.ks_statistic is not null then
            {{ inference_tables.named_struct({
                'statistic': 'numeric_statistics.ks_statistic',
                'pvalue': 'numeric_statistics.ks_pvalue',
            }) }}
        end as ks_test,
        numeric_statistics.wasserstein_distance,
        numeric_statistics.population_stability_index,
        case when categorical_statistics.chi_squared_statistic is not null then
            {{ inference_tables.named_struct({
                'statistic': 'categorical_statistics.chi_squared_statistic',
                'pvalue': 'categorical_pvalues.pvalue',
            }) }}
        end as chi_squared_test,
        categorical_statistics.tv_distance,
        categorical_statistics.l_infinity_distance,
        categorical_statistics.js_distance
    from pairs
    inner join keyed_measures as current_measures
        on pairs.sample_id = current_measures.sample_id
    {#- One key over both earlier tables: the compared sample's measures are joined to the
        pair's rows, never to every sample's measures of the same column first. #}
    inner join keyed_measures as compared_measures
        on
            compared_measures.measure_key = {{ inference_tables.monitoring_series_id(
                'pairs.compared_sample_id', 'current_measures.column_name', measured_columns) }}
    left join numeric_statistics
        on
            {{ inference_tables.monitoring_series_id(
                'pairs.pair_id', 'current_measures.column_name', monitored_columns) }}
            = numeric_statistics.series_id
    {%- for statistics in ['categorical_statistics', 'categorical_pvalues'] %}
    left join {{ statistics }}
        on
            pairs.pair_id = {{ statistics }}.pair_id
            and current_measures.column_name = {{ statistics }}.column_name
    {%- endfor %}
)

select * from final
