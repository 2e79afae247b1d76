{#-
    SQL for the request ids whose value differs between two queries of (request_id,
    tracked_value) rows: `current_sql`, what the model's inputs say now, and `held_sql`, what
    the current model holds. A request on one side only counts as changed (new or gone).
-#}
{% macro changed_request_ids(current_sql, held_sql) -%}
    select coalesce(current_rows.request_id, held_rows.request_id)
    from ({{ current_sql }}) as current_rows
    full outer join ({{ held_sql }}) as held_rows
        on current_rows.request_id = held_rows.request_id
    where current_rows.tracked_value is distinct from held_rows.tracked_value
{%- endmacro %}
