{#-
    An ISO-8601 string as a UTC timestamp without zone: with `Z` or an offset
    (`+05:30`, `-0800`, `+05`) it is converted to UTC; without one it already is UTC
    (docs/input_format.md), whatever the session time zone. NULL when the text does not parse.
-#}
{% macro iso8601_to_utc_timestamp(text) -%}
    {{ return(adapter.dispatch('iso8601_to_utc_timestamp', 'inference_tables')(text)) }}
{%- endmacro %}

{% macro duckdb__iso8601_to_utc_timestamp(text) -%}
    case
        when regexp_matches({{ text }}, '\d:\d\d(:\d\d(\.\d+)?)?\s*([zZ]|[+-]\d\d(:?\d\d)?)$')
            {#- DuckDB's zoned cast wants seconds and no blank before the zone. #}
            then timezone('UTC', try_cast(regexp_replace(
                regexp_replace({{ text }}, '(\d)\s+([zZ]|[+-]\d\d(:?\d\d)?)$', '\1\2'),
                '([T ]\d\d:\d\d)([zZ+-])', '\1:00\2'
            ) as timestamptz))
        else try_cast({{ text }} as timestamp)
    end
{%- endmacro %}

{% macro spark__iso8601_to_utc_timestamp(text) -%}
    {#- Spark's cast reads a zone (Z, +05:30, +0530, +05) and takes a text without one in the
        session time zone, UTC (profiles/); it wants seconds and no blank before the zone. #}
    try_cast(regexp_replace(
        regexp_replace({{ text }}, '(\\d)\\s+([zZ]|[+-]\\d\\d(:?\\d\\d)?)$', '$1$2'),
        '([T ]\\d\\d:\\d\\d)([zZ+-])', '$1:00$2'
    ) as timestamp)
{%- endmacro %}

{% macro default__iso8601_to_utc_timestamp(text) -%}
    {{ inference_tables.unsupported_adapter('iso8601_to_utc_timestamp') }}
{%- endmacro %}
