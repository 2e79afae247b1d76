{#-
    the Times rule (docs/input_format.md): the UTC instant of a `request_time` string, NULL when it is not one. Valid: a
    date and a time (`YYYY-MM-DDThh:mm[:ss[.fraction]]`, `T` or a blank), then `Z`, an offset
    within ±18:00 (`+05:30`, `-0800`, `+05`; a blank may come before it) or nothing (UTC).
    Words (`infinity`, `epoch`, `now`), offsets such as `+25:00` and impossible dates are not.
    The year range is checked by request_time_in_range.
-#}
{% macro request_time_from_iso8601(text) -%}
    {%- set iso_pattern = '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?'
        ~ ' *([zZ]|[+-][0-9]{2}(:?[0-9]{2})?)?' -%}
    {%- set offset_pattern = '[+-]([0-9]{2}):?([0-9]{2})?$' -%}
    {%- set offset_hours = "coalesce(try_cast(nullif(regexp_extract(" ~ text ~ ", '"
        ~ offset_pattern ~ "', 1), '') as integer), 0)" -%}
    {%- set offset_minutes = "coalesce(try_cast(nullif(regexp_extract(" ~ text ~ ", '"
        ~ offset_pattern ~ "', 2), '') as integer), 0)" -%}
    case
        when {{ inference_tables.regexp_full_match(text, iso_pattern) }}
            and {{ offset_minutes }} < 60
            and {{ offset_hours }} * 60 + {{ offset_minutes }} <= 18 * 60
            then {{ inference_tables.iso8601_to_utc_timestamp('upper(' ~ text ~ ')') }}
    end
{%- endmacro %}
