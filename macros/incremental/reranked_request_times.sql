{#-
    SQL for the request times of every copy of the request ids ranked again since the current
    model's watermark: where those requests are in time now, and where they were before
    (a request whose winning copy changed may move). A model without a key of its own, whose
    rows carry the request time, rebuilds the rows at these times.
-#}
{% macro reranked_request_times(copy_times_relation) -%}
    select distinct request_time
    from {{ copy_times_relation }}
    where ranked_in_load > {{ inference_tables.load_watermark() }}
{%- endmacro %}
