{#-
    A window specification that orders rows by `order` within each value of `key` (an
    integer), for running sums and lead() whose users correct for rows of earlier keys (so
    both forms give the same results). DuckDB sorts all rows once (`order by key, order`):
    one ordered pass, much faster there than thousands of small partitions. Spark partitions
    by the key, which spreads the work over its executors.
-#}
{% macro window_ordered_within(key, order) -%}
    {{ return(adapter.dispatch('window_ordered_within', 'inference_tables')(key, order)) }}
{%- endmacro %}

{% macro default__window_ordered_within(key, order) -%}
    {{ inference_tables.unsupported_adapter('window_ordered_within') }}
{%- endmacro %}

{% macro duckdb__window_ordered_within(key, order) -%}
    order by {{ key }}, {{ order }}
{%- endmacro %}

{% macro spark__window_ordered_within(key, order) -%}
    partition by {{ key }} order by {{ order }}
{%- endmacro %}
