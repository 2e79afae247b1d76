{#- Fails with each combination of `combination_of_columns` that occurs more than once.
    Two passes: grouping by one hash of the columns finds the hashes that repeat, then only the
    rows with such a hash are grouped by the columns themselves. On a wide key that is half the
    work of one exact grouping, and a hash collision can only add rows to the exact pass. -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
    {%- if combination_of_columns is string or combination_of_columns | length == 0 -%}
        {{ exceptions.raise_compiler_error(
            "unique_combination_of_columns: combination_of_columns must be a non-empty list") }}
    {%- endif -%}
    {#- Quoted: a column may be named by a keyword (the monitoring tables' `window`). -#}
    {%- set quoted = [] -%}
    {%- for column in combination_of_columns -%}
        {%- do quoted.append(adapter.quote(column)) -%}
    {%- endfor -%}
    {%- set columns_csv = quoted | join(', ') -%}
    {%- set key_hash = inference_tables.row_hash(quoted) %}
    with repeated_hashes as (
        select {{ key_hash }} as key_hash
        from {{ model }}
        group by {{ key_hash }}
        having count(*) > 1
    )

    select
        {{ columns_csv }},
        count(*) as occurrences
    from {{ model }}
    where {{ key_hash }} in (select key_hash from repeated_hashes)
    group by {{ columns_csv }}
    having count(*) > 1
{% endtest %}
