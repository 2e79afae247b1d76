{#-
    A `where` clause keeping, on an incremental run, only the request ids ranked again since
    the current model's watermark (nothing on a full build).
-#}
{% macro reranked_requests_filter(copies_relation) -%}
    {%- if is_incremental() -%}
        where databricks_request_id in (
            {{ inference_tables.reranked_request_ids(copies_relation) }}
        )
    {%- endif -%}
{%- endmacro %}
