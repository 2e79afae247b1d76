{#-
    SQL for the request ids (NULL included) whose latest assessments an incremental run of
    `latest_assessments` recomputes: every request that a feedback request ranked again since
    the model's watermark assesses now or assessed before (`pairs_relation` keeps both).
-#}
{% macro reassessed_request_ids(pairs_relation) -%}
    select distinct request_id
    from {{ pairs_relation }}
    where ranked_in_load > {{ inference_tables.load_watermark() }}
{%- endmacro %}
