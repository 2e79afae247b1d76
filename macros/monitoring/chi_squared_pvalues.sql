{#-
    SQL of the p-values of chi-squared statistics: for each row of `statistics` (a CTE with
    `keys`, chi_squared_statistic and degrees_of_freedom), the columns `keys` and pvalue, the
    χ² survival function Q(k/2, x/2) at x with k degrees of freedom (scipy.stats.chi2.sf).
    For whole and half-integer a = k/2 it is a finite sum (no gamma function is needed):
    Q(a, y) = [k odd] erfc(√y) + Σ e^-y y^s / Γ(s + 1) over s = a - 1, a - 2, ... down to 0 or
    1/2. The terms come from a numbers relation (log Γ as running sums of logs), which holds
    up to 100,000 terms: k up to 200,000. No degree of freedom gives 1; above that, NULL.
-#}
{% macro chi_squared_pvalues(statistics, keys) -%}
    {%- set digits -%}
        (select 0 as digit {%- for d in range(1, 10) %} union all select {{ d }}{% endfor %})
    {%- endset -%}
    {%- set max_terms = 100000 -%}
    select
        {%- for key in keys %}
        statistics.{{ key }},
        {%- endfor %}
        case
            when statistics.chi_squared_statistic is null then null
            when statistics.degrees_of_freedom = 0 or statistics.chi_squared_statistic <= 0
                then 1.0
            when statistics.degrees_of_freedom > {{ 2 * max_terms }} then null
            else least(1.0, greatest(0.0,
                case
                    when statistics.degrees_of_freedom % 2 = 1
                        then {{ inference_tables.complementary_error_function(
                            'sqrt(statistics.chi_squared_statistic / 2)') }}
                    else 0.0
                end
                + coalesce(sum(
                    case when terms.exponent is not null then exp(
                        terms.exponent * ln(statistics.chi_squared_statistic / 2)
                        - statistics.chi_squared_statistic / 2
                        - terms.log_gamma
                    ) end
                ), 0.0)
            ))
        end as pvalue
    from {{ statistics }} as statistics
    left join (
        {#- For each parity of k and term index n: the exponent s = n + parity / 2 and
            log Γ(s + 1) = log Γ(parity / 2 + 1) + Σ_{t=1..n} log(t + parity / 2). #}
        select
            parity,
            term_index,
            term_index + parity * 0.5 as exponent,
            case when parity = 1 then ln(sqrt(pi()) / 2) else 0.0 end
            + sum(case when term_index > 0 then ln(term_index + parity * 0.5) else 0.0 end)
                over (
                    partition by parity order by term_index
                    rows between unbounded preceding and current row
                ) as log_gamma
        from (
            select
                {%- for power in range(5) %}
                digits_{{ power }}.digit * {{ 10 ** power }} {{- ' +' if not loop.last }}
                {%- endfor %} as term_index
            from {{ digits }} as digits_0
            {%- for power in range(1, 5) %}
            cross join {{ digits }} as digits_{{ power }}
            {%- endfor %}
        ) as numbers
        cross join (select 0 as parity union all select 1 as parity) as parities
        where term_index < (
            select coalesce(max(floor(degrees_of_freedom / 2.0)), 0) from {{ statistics }}
        )
    ) as terms
        on
            terms.parity = statistics.degrees_of_freedom % 2
            and terms.term_index < floor(statistics.degrees_of_freedom / 2.0)
            and statistics.chi_squared_statistic > 0
    group by
        {%- for key in keys %}
        statistics.{{ key }},
        {%- endfor %}
        statistics.chi_squared_statistic,
        statistics.degrees_of_freedom
{%- endmacro %}
