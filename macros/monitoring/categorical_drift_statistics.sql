{#-
    SQL of the categorical drift statistics of each pair of samples (SPEC §7). `pair_counts`
    is a CTE with `key` (an integer naming a pair of samples), column_name, value (non-NULL
    text) and a_rows, b_rows: how often the category occurs in the current sample (a) and in
    the compared one (b). Returns `key`, column_name and, where both samples have values, the shares' total
    variation distance (half their L1 distance), L-infinity distance, Jensen-Shannon distance
    (the square root of the base-2 divergence) and the Pearson chi-squared statistic of the
    2 × k contingency table of the k categories seen (no continuity correction), with
    k - 1 degrees of freedom.
-#}
{% macro categorical_drift_statistics(pair_counts, key) -%}
    {%- set partition = key ~ ', column_name' -%}
    select
        {{ partition }},
        0.5 * sum(abs(a_share - b_share)) as tv_distance,
        max(abs(a_share - b_share)) as l_infinity_distance,
        sqrt(greatest(0.0, (
            0.5 * sum(case when a_rows > 0 then a_share * ln(a_share / mean_share) else 0.0 end)
            + 0.5 * sum(case when b_rows > 0 then b_share * ln(b_share / mean_share) else 0.0 end)
        ) / ln(2.0))) as js_distance,
        sum(
            power(a_rows - a_expected, 2) / a_expected + power(b_rows - b_expected, 2) / b_expected
        ) as chi_squared_statistic,
        count(*) - 1 as degrees_of_freedom
    from (
        select
            *,
            cast(a_rows as double) / a_total as a_share,
            cast(b_rows as double) / b_total as b_share,
            (cast(a_rows as double) / a_total + cast(b_rows as double) / b_total) / 2
                as mean_share,
            cast(a_total as double) * (a_rows + b_rows) / (a_total + b_total) as a_expected,
            cast(b_total as double) * (a_rows + b_rows) / (a_total + b_total) as b_expected
        from (
            select
                *,
                sum(a_rows) over (partition by {{ partition }}) as a_total,
                sum(b_rows) over (partition by {{ partition }}) as b_total
            from {{ pair_counts }}
        ) as totals
        where a_total > 0 and b_total > 0
    ) as shares
    group by {{ partition }}
{%- endmacro %}
