{#- The columns of inference_requests the monitoring tables read: the time, the slice keys,
    the served entity's name and version (model_id) and the monitored columns, once each. A
    window's rows are held several times over (per granularity and slice), so they carry only
    these. -#}
{% macro monitoring_request_columns() -%}
    {%- set columns = ['request_time', 'entity_name', 'entity_version'] -%}
    {%- for column in inference_tables.monitoring_slice_keys()
        + var('monitoring_numeric_columns') + var('monitoring_categorical_columns') -%}
        {%- if column not in columns %}{% do columns.append(column) %}{% endif -%}
    {%- endfor -%}
    {{ return(columns) }}
{%- endmacro %}
