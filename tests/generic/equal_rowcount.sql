{#-
    Fails when `model` and `compare_model` do not hold as many rows: a table without a key of
    its own that keeps one row per row of a keyed table holds that table's grain.
-#}
{% test equal_rowcount(model, compare_model) %}
    with

    counts as (
        select
            (select count(*) from {{ model }}) as model_rows,
            (select count(*) from {{ compare_model }}) as compare_model_rows
    )

    select * from counts
    where model_rows <> compare_model_rows
{% endtest %}
