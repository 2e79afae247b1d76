{#-
    SQL for the distinct values of `column` in the triples that feedback requests ranked
    again since the current model's watermark hold, now or from before (`pairs_relation`):
    `request_id`, the requests whose latest assessments change (latest_assessments, NULL
    included), or `request_time`, the times whose assessment rows change
    (payload_assessment_logs).
-#}
{% macro reassessed_values(pairs_relation, column) -%}
    select distinct {{ column }}
    from {{ pairs_relation }}
    where ranked_in_load > {{ inference_tables.load_watermark() }}
{%- endmacro %}
