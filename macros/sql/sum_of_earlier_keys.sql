{#-
    The sum of `expression` over the rows of the keys before the row's own, in the order of
    window_ordered_within(key, key), as a bigint: what a running sum over
    window_ordered_within(key, ...) carries in from earlier keys, to be subtracted from it.
    0 where the engine restarts running sums per key (Spark), or for the first key. Read on
    one row per key.
-#}
{% macro sum_of_earlier_keys(expression, key) -%}
    cast(coalesce(sum({{ expression }}) over (
        {{ inference_tables.window_ordered_within(key, key) }}
        rows between unbounded preceding and 1 preceding
    ), 0) as bigint)
{%- endmacro %}
