{#- Epoch milliseconds (any numeric) as a UTC timestamp without zone; NULL when out of range. -#}
{% macro epoch_ms_to_timestamp(epoch_ms) -%}
    {{ return(adapter.dispatch('epoch_ms_to_timestamp', 'inference_tables')(epoch_ms)) }}
{%- endmacro %}

{% macro duckdb__epoch_ms_to_timestamp(epoch_ms) -%}
    try(make_timestamp(cast(round(cast({{ epoch_ms }} as double) * 1000) as bigint)))
{%- endmacro %}

{% macro spark__epoch_ms_to_timestamp(epoch_ms) -%}
    {#- Years 1 to 9999, as DuckDB's make_timestamp; outside them NULL instead of wrapping. #}
    case
        when cast({{ epoch_ms }} as double) between -62135596800000 and 253402300799999
            then timestamp_micros(cast(round(cast({{ epoch_ms }} as double) * 1000) as bigint))
    end
{%- endmacro %}

{% macro default__epoch_ms_to_timestamp(epoch_ms) -%}
    {{ inference_tables.unsupported_adapter('epoch_ms_to_timestamp') }}
{%- endmacro %}
