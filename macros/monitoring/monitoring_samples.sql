{#- The keys of a monitoring sample: its window (or the baseline) and its slice. -#}
{% macro monitoring_sample_keys() -%}
    {{ return(['granularity', 'window_start', 'slice_key', 'slice_value']) }}
{%- endmacro %}

{#-
    SQL of the samples of `value_counts` (a CTE or relation shaped as monitoring_value_counts):
    one row per sample (its `:table` row) with its keys, model_id and row_count, numbered in
    sample_id: the statistics group by this number, far faster than by the four key columns.
-#}
{% macro monitoring_samples(value_counts) -%}
    {%- set sample_keys = inference_tables.monitoring_sample_keys() | join(', ') -%}
    select
        {{ sample_keys }},
        model_id,
        value_rows as row_count,
        row_number() over (order by {{ sample_keys }}) as sample_id
    from {{ value_counts }}
    where column_name = ':table'
{%- endmacro %}

{#-
    SQL of the counts in `value_counts` of `columns` (monitored column names), by sample
    number: sample_id (from `samples`, a CTE of monitoring_samples), column_name, value (the
    counts' `value_column`: numeric_value or categorical_value) and value_rows.
-#}
{% macro monitoring_sample_values(value_counts, samples, columns, value_column) -%}
    select
        {{ samples }}.sample_id,
        {{ value_counts }}.column_name,
        {{ value_counts }}.{{ value_column }} as value,
        {{ value_counts }}.value_rows
    from {{ value_counts }}
    inner join {{ samples }}
        on {{ inference_tables.monitoring_keys_match(
            value_counts, samples, inference_tables.monitoring_sample_keys()) }}
    where {{ inference_tables.is_one_of_columns(value_counts ~ '.column_name', columns) }}
{%- endmacro %}
