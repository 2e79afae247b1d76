{#-
    SQL for the request ids whose copies were ranked again since the current model's
    watermark: the ids a load touched. Models keyed by request id rebuild exactly these.
-#}
{% macro reranked_request_ids(copies_relation) -%}
    select distinct databricks_request_id
    from {{ copies_relation }}
    where ranked_in_load > {{ inference_tables.load_watermark() }}
{%- endmacro %}
