{#-
    SPEC §3 schema_version of a trace (JSON): '3' when it has `info` (MLflow 3), '2' when its
    "mlflow.trace_schema.version" is 2, '1' for any other trace, '0' when there is none.
-#}
{% macro trace_schema_version(trace) -%}
    {{ return(adapter.dispatch('trace_schema_version', 'inference_tables')(trace)) }}
{%- endmacro %}

{% macro default__trace_schema_version(trace) -%}
    case
        when {{ trace }} is null then '0'
        when {{ inference_tables.json_value_at(trace, '$.info') }} is not null then '3'
        when {{ inference_tables.json_text(
            inference_tables.json_value_at(trace, '$."mlflow.trace_schema.version"')) }} = '2'
            then '2'
        else '1'
    end
{%- endmacro %}
