{#-
    The Kolmogorov distribution's survival function Q(x) = 2 Σ (-1)^(j-1) exp(-2 j² x²)
    (scipy.special.kolmogorov), the asymptotic p-value of a KS statistic at x = D·√(nm/(n+m)).
    The alternating series converges slowly for small x, where the equal Jacobi theta form
    1 - √(2π)/x Σ exp(-(2j-1)² π² / (8 x²)) converges fast: below x = 1 that form is used.
    Ten terms of either leave an error below 1e-15. `x` is a column or a simple expression
    (it is repeated).
-#}
{% macro kolmogorov_survival(x) -%}
    {%- set x = '(' ~ x ~ ')' -%}
    case
        when {{ x }} <= 0 then 1.0
        when {{ x }} < 1 then greatest(0.0, 1 - sqrt(2 * pi()) / {{ x }} * (
            {%- for j in range(1, 11) %}
            exp(-{{ (2 * j - 1) ** 2 }} * pi() * pi() / (8 * {{ x }} * {{ x }}))
            {{- ' +' if not loop.last }}
            {%- endfor %}
        ))
        else least(1.0, 2 * (
            {%- for j in range(1, 11) %}
            {{ '+' if j % 2 == 1 else '-' }} exp(-{{ 2 * j * j }} * {{ x }} * {{ x }})
            {%- endfor %}
        ))
    end
{%- endmacro %}
