{#- A UTC timestamp without zone as whole epoch milliseconds (BIGINT). -#}
{% macro timestamp_to_epoch_ms(ts) -%}
    {{ return(adapter.dispatch('timestamp_to_epoch_ms', 'inference_tables')(ts)) }}
{%- endmacro %}

{% macro duckdb__timestamp_to_epoch_ms(ts) -%}
    epoch_ms({{ ts }})
{%- endmacro %}

{% macro spark__timestamp_to_epoch_ms(ts) -%}
    unix_millis({{ ts }})
{%- endmacro %}

{% macro default__timestamp_to_epoch_ms(ts) -%}
    {{ inference_tables.unsupported_adapter('timestamp_to_epoch_ms') }}
{%- endmacro %}
