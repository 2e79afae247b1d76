{#- A UTC timestamp without zone as ISO-8601 text with microseconds and `Z`. -#}
{% macro timestamp_iso_text(ts) -%}
    {{ return(adapter.dispatch('timestamp_iso_text', 'inference_tables')(ts)) }}
{%- endmacro %}

{% macro default__timestamp_iso_text(ts) -%}
    {{ inference_tables.unsupported_adapter('timestamp_iso_text') }}
{%- endmacro %}

{% macro duckdb__timestamp_iso_text(ts) -%}
    strftime({{ ts }}, '%Y-%m-%dT%H:%M:%S.%fZ')
{%- endmacro %}

{% macro spark__timestamp_iso_text(ts) -%}
    date_format({{ ts }}, "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
{%- endmacro %}
