{#-
    SQL for the request times at which a feedback request ranked again since the current
    model's watermark logs assessments now or logged them before (`pairs_relation` keeps
    both): a model without a key of its own whose rows carry that time rebuilds the rows at
    these times.
-#}
{% macro reassessed_request_times(pairs_relation) -%}
    select distinct request_time
    from {{ pairs_relation }}
    where ranked_in_load > {{ inference_tables.load_watermark() }}
{%- endmacro %}
