{#- A condition on `alias`.request_id: one of the reassessed request ids (NULL-safe). -#}
{% macro is_reassessed_request(alias, pairs_relation) -%}
    exists (
        select 1
        from ({{ inference_tables.reassessed_values(pairs_relation, 'request_id') }})
            as reassessed
        where reassessed.request_id is not distinct from {{ alias }}.request_id
    )
{%- endmacro %}
