{#-
    erfc(z) for z >= 0, by the Chebyshev fit of Numerical Recipes (erfcc, fractional error
    below 1.2e-7 everywhere): neither DuckDB nor Spark SQL has erfc. `z` is a column or a
    simple expression (it is repeated).
-#}
{% macro complementary_error_function(z) -%}
    {%- set t = '(1.0 / (1.0 + 0.5 * (' ~ z ~ ')))' -%}
    {%- set coefficients = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806,
        0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277] -%}
    {%- set ns = namespace(polynomial=coefficients[-1] ~ '') -%}
    {%- for coefficient in coefficients[:-1] | reverse -%}
        {%- set ns.polynomial = coefficient ~ ' + ' ~ t ~ ' * (' ~ ns.polynomial ~ ')' -%}
    {%- endfor -%}
    {{ t }} * exp(-({{ z }}) * ({{ z }}) + {{ ns.polynomial }})
{%- endmacro %}
