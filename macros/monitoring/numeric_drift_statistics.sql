{#-
    SQL of the numeric drift statistics of each pair of samples (SPEC §7). `pair_counts` is a
    CTE with `key` (an integer naming a pair of samples and a column), value (non-NULL DOUBLE)
    and a_rows, b_rows: how often the value occurs in the current sample (a) and in the
    compared one (b), one row per value. Returns `key` and, where both samples have values:
    - ks_statistic, the two-sample Kolmogorov-Smirnov D = max |F_a - F_b| over the values, and
      ks_pvalue, its asymptotic p-value Q(D·√(nm/(n+m))) (kolmogorov_survival);
    - wasserstein_distance, the exact 1-D distance ∫|F_a - F_b|: the sum over consecutive
      values of the gap times |F_a - F_b| at the lower one;
    - population_stability_index: bins at b's nine inner deciles (linear interpolation, equal
      edges merged, bins closed on the left, outer bins open), Σ (p_a - p_b) ln(p_a / p_b)
      with each zero share taken as 0.0001.
    One ordered pass (running counts, window_ordered_within), corrected by each key's totals,
    then aggregations and joins on the integer key.
-#}
{% macro numeric_drift_statistics(pair_counts, key) -%}
    {%- set deciles = range(1, 10) -%}
    {#- The 0-based rank of b's decile i, in floating point as numpy computes it. #}
    {%- set ranks = {} -%}
    {%- for i in deciles -%}
        {%- do ranks.update({i: '(cast(b_total - 1 as double) * ' ~ (i / 10) ~ ')'}) -%}
    {%- endfor -%}
    with series_totals as (
        {#- Each key's totals, and the totals of the keys before it in the running sums'
            order (none where the engine restarts them per key): what the running sums of
            earlier keys added. Computed on one row per key, so the running sums are read once. #}
        select
            {{ key }},
            a_total,
            b_total,
            {{ inference_tables.sum_of_earlier_keys('a_total', key) }} as a_before,
            {{ inference_tables.sum_of_earlier_keys('b_total', key) }} as b_before
        from (
            {#- Counts as bigint throughout: DuckDB's sum of bigints is a 128-bit integer,
                slower to sort, add and compare. #}
            select
                {{ key }},
                cast(sum(a_rows) as bigint) as a_total,
                cast(sum(b_rows) as bigint) as b_total
            from {{ pair_counts }}
            group by {{ key }}
        ) as totals
    ),

    running_sums as (
        select
            {{ key }},
            value,
            a_rows,
            b_rows,
            cast(sum(a_rows) over running as bigint) as a_running,
            cast(sum(b_rows) over running as bigint) as b_running,
            lead(value) over ordered as next_value,
            lead({{ key }}) over ordered as next_key
        from {{ pair_counts }}
        window
            ordered as ({{ inference_tables.window_ordered_within(key, 'value') }}),
            running as (
                {{ inference_tables.window_ordered_within(key, 'value') }}
                rows between unbounded preceding and current row
            )
    ),

    gaps as (
        {#- Running counts within the key (the running sums less what earlier keys added),
            and the gap between the two cumulative distributions at each value. #}
        select
            running_sums.{{ key }},
            running_sums.value,
            running_sums.a_rows,
            running_sums.b_rows,
            running_sums.a_running - series_totals.a_before as a_cumulative,
            running_sums.b_running - series_totals.b_before as b_cumulative,
            case
                when running_sums.next_key = running_sums.{{ key }} then running_sums.next_value
            end as next_value,
            series_totals.a_total,
            series_totals.b_total,
            abs(
                cast(running_sums.a_running - series_totals.a_before as double)
                / series_totals.a_total
                - cast(running_sums.b_running - series_totals.b_before as double)
                / series_totals.b_total
            ) as cdf_gap
        from running_sums
        inner join series_totals
            on running_sums.{{ key }} = series_totals.{{ key }}
        where series_totals.a_total > 0 and series_totals.b_total > 0
    ),

    distances as (
        select
            {{ key }},
            max(a_total) as a_total,
            max(b_total) as b_total,
            max(cdf_gap) as ks_statistic,
            sum((next_value - value) * cdf_gap) as wasserstein_distance,
            {%- for i in deciles %}
            {#- The order statistics on both sides of b's decile i. #}
            min(case when b_cumulative > floor({{ ranks[i] }}) then value end) as low_{{ i }},
            min(case when b_cumulative > ceil({{ ranks[i] }}) then value end) as high_{{ i }}
            {{- ',' if not loop.last }}
            {%- endfor %}
        from gaps
        group by {{ key }}
    ),

    edges as (
        select
            {{ key }},
            a_total,
            b_total,
            ks_statistic,
            wasserstein_distance,
            {%- for i in deciles %}
            {%- set fraction = ranks[i] ~ ' - floor(' ~ ranks[i] ~ ')' %}
            {#- numpy's interpolation, step for step (an edge can fall on a value). #}
            case
                when {{ fraction }} >= 0.5
                    then high_{{ i }} - (high_{{ i }} - low_{{ i }}) * (1 - ({{ fraction }}))
                else low_{{ i }} + (high_{{ i }} - low_{{ i }}) * ({{ fraction }})
            end as edge_{{ i }}{{ ',' if not loop.last }}
            {%- endfor %}
        from distances
    ),

    bins as (
        select
            gaps.{{ key }},
            {#- The bin: how many distinct edges are at or below the value. #}
            0
            {%- for i in deciles %}
            + case
                when gaps.value >= edges.edge_{{ i }}
                {%- if not loop.first %} and edges.edge_{{ i }} > edges.edge_{{ i - 1 }}{% endif %}
                    then 1
                else 0
            end
            {%- endfor %} as bin,
            sum(gaps.a_rows) as a_rows,
            sum(gaps.b_rows) as b_rows
        from gaps
        inner join edges
            on gaps.{{ key }} = edges.{{ key }}
        group by gaps.{{ key }}, bin
    ),

    stability as (
        select
            shares.{{ key }},
            {#- An empty bin's share is floored at 0.0001 (SPEC §7). #}
            sum(
                (shares.a_share - shares.b_share) * ln(shares.a_share / shares.b_share)
            ) as population_stability_index
        from (
            select
                bins.{{ key }},
                case
                    when bins.a_rows = 0 then 0.0001
                    else cast(bins.a_rows as double) / edges.a_total
                end as a_share,
                case
                    when bins.b_rows = 0 then 0.0001
                    else cast(bins.b_rows as double) / edges.b_total
                end as b_share
            from bins
            inner join edges
                on bins.{{ key }} = edges.{{ key }}
        ) as shares
        group by shares.{{ key }}
    )

    select
        edges.{{ key }},
        edges.ks_statistic,
        {{ inference_tables.kolmogorov_survival(
            'edges.ks_statistic * sqrt(cast(edges.a_total as double) * edges.b_total'
            ~ ' / (edges.a_total + edges.b_total))') }} as ks_pvalue,
        edges.wasserstein_distance,
        stability.population_stability_index
    from edges
    inner join stability
        on edges.{{ key }} = stability.{{ key }}
{%- endmacro %}
