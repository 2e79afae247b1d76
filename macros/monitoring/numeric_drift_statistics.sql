{#-
    SQL of the numeric drift statistics of each pair of samples (SPEC §7). `pair_counts` is a
    CTE with `keys` (a pair of samples), column_name, value (non-NULL DOUBLE) and a_rows,
    b_rows: how often the value occurs in the current sample (a) and in the compared one (b).
    Returns `keys`, column_name and, where both samples have values:
    - ks_statistic, the two-sample Kolmogorov-Smirnov D = max |F_a - F_b| over the values, and
      ks_pvalue, its asymptotic p-value Q(D·√(nm/(n+m))) (kolmogorov_survival);
    - wasserstein_distance, the exact 1-D distance ∫|F_a - F_b|: the sum over consecutive
      values of the gap times |F_a - F_b| at the lower one;
    - population_stability_index: bins at b's nine inner deciles (linear interpolation, equal
      edges merged, bins closed on the left, outer bins open), Σ (p_a - p_b) ln(p_a / p_b)
      with each zero share taken as 0.0001.
    Everything is computed in one ordered pass per pair and column (no self-join).
-#}
{% macro numeric_drift_statistics(pair_counts, keys) -%}
    {%- set partition = keys | join(', ') ~ ', column_name' -%}
    {%- set deciles = range(1, 10) -%}
    {#- The 0-based rank of b's decile i, in floating point as numpy computes it. #}
    {%- set ranks = {} -%}
    {%- for i in deciles -%}
        {%- do ranks.update({i: '(cast(b_total - 1 as double) * ' ~ (i / 10) ~ ')'}) -%}
    {%- endfor -%}
    select
        {{ partition }},
        max(ks_statistic) as ks_statistic,
        {{ inference_tables.kolmogorov_survival(
            'max(ks_statistic) * sqrt(cast(max(a_total) as double) * max(b_total)'
            ~ ' / (max(a_total) + max(b_total)))') }} as ks_pvalue,
        sum(gap_area) as wasserstein_distance,
        sum(
            (a_share - b_share) * ln(a_share / b_share)
        ) as population_stability_index
    from (
        select
            {{ partition }},
            max(a_total) as a_total,
            max(b_total) as b_total,
            max(cdf_gap) as ks_statistic,
            sum(gap_area) as gap_area,
            {#- An empty bin's share is floored at 0.0001 (SPEC §7). #}
            case when sum(a_rows) = 0 then 0.0001 else cast(sum(a_rows) as double) / max(a_total) end
                as a_share,
            case when sum(b_rows) = 0 then 0.0001 else cast(sum(b_rows) as double) / max(b_total) end
                as b_share
        from (
            select
                *,
                {#- The bin: how many distinct edges are at or below the value. #}
                0
                {%- for i in deciles %}
                + case
                    when value >= edge_{{ i }}
                    {%- if not loop.first %} and edge_{{ i }} > edge_{{ i - 1 }}{% endif %}
                        then 1
                    else 0
                end
                {%- endfor %} as bin
            from (
                select
                    *,
                    {%- for i in deciles %}
                    {%- set fraction = ranks[i] ~ ' - floor(' ~ ranks[i] ~ ')' %}
                    {#- numpy's interpolation, step for step (an edge can fall on a value). #}
                    case
                        when {{ fraction }} >= 0.5
                            then high_{{ i }} - (high_{{ i }} - low_{{ i }}) * (1 - ({{ fraction }}))
                        else low_{{ i }} + (high_{{ i }} - low_{{ i }}) * ({{ fraction }})
                    end as edge_{{ i }}{{ ',' if not loop.last }}
                    {%- endfor %}
                from (
                    select
                        *,
                        {%- for i in deciles %}
                        {#- The order statistics on both sides of b's decile i. #}
                        min(case when b_cumulative > floor({{ ranks[i] }}) then value end)
                            over (partition by {{ partition }}) as low_{{ i }},
                        min(case when b_cumulative > ceil({{ ranks[i] }}) then value end)
                            over (partition by {{ partition }}) as high_{{ i }},
                        {%- endfor %}
                        abs(cast(a_cumulative as double) / a_total - cast(b_cumulative as double) / b_total)
                            as cdf_gap,
                        (next_value - value)
                        * abs(cast(a_cumulative as double) / a_total - cast(b_cumulative as double) / b_total)
                            as gap_area
                    from (
                        select
                            {{ partition }},
                            value,
                            a_rows,
                            b_rows,
                            sum(a_rows) over (
                                partition by {{ partition }} order by value
                                rows between unbounded preceding and current row
                            ) as a_cumulative,
                            sum(b_rows) over (
                                partition by {{ partition }} order by value
                                rows between unbounded preceding and current row
                            ) as b_cumulative,
                            sum(a_rows) over (partition by {{ partition }}) as a_total,
                            sum(b_rows) over (partition by {{ partition }}) as b_total,
                            lead(value) over (partition by {{ partition }} order by value)
                                as next_value
                        from {{ pair_counts }}
                    ) as cumulative
                    where a_total > 0 and b_total > 0
                ) as ranked
            ) as edged
        ) as binned
        group by {{ partition }}, bin
    ) as bins
    group by {{ partition }}
{%- endmacro %}
