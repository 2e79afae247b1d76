{#-
    The BASELINE drift window of the vars monitoring_baseline_start and monitoring_baseline_end
    (ISO 8601 times, UTC unless they carry an offset; the end is exclusive), as
    {'start': SQL timestamp, 'end': SQL timestamp}; none when neither is set. Stops the run
    with a clear error when only one is set, one is not a time, or the end is not later.
-#}
{% macro monitoring_baseline() -%}
    {%- set texts = {
        'start': var('monitoring_baseline_start', none),
        'end': var('monitoring_baseline_end', none),
    } -%}
    {%- if texts['start'] is none and texts['end'] is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- if texts['start'] is none or texts['end'] is none -%}
        {{ exceptions.raise_compiler_error(
            "monitoring_baseline_start and monitoring_baseline_end are set together (got "
            ~ texts['start'] ~ " and " ~ texts['end'] ~ ")") }}
    {%- endif -%}
    {%- set times = {} -%}
    {%- for bound, text in texts.items() -%}
        {%- set parsed = none -%}
        {%- if text is string -%}
            {%- set parsed = modules.re.fullmatch(
                '\d{4}-\d\d-\d\d([ T]\d\d:\d\d(:\d\d(\.\d{1,6})?)?)?(Z|[+-]\d\d:\d\d)?', text) -%}
        {%- endif -%}
        {%- if parsed is none -%}
            {{ exceptions.raise_compiler_error(
                "monitoring_baseline_" ~ bound ~ " is not an ISO 8601 date or time: '"
                ~ text ~ "' (expected e.g. '2026-11-01' or '2026-11-01T00:00:00Z')") }}
        {%- endif -%}
        {%- set instant = modules.datetime.datetime.fromisoformat(text | replace('Z', '+00:00')) -%}
        {%- if instant.tzinfo is not none -%}
            {%- set instant = instant.astimezone(modules.pytz.utc).replace(
                tzinfo=none) -%}
        {%- endif -%}
        {%- do times.update({bound: instant}) -%}
    {%- endfor -%}
    {%- if times['end'] <= times['start'] -%}
        {{ exceptions.raise_compiler_error(
            "monitoring_baseline_end (" ~ texts['end'] ~ ") must be later than "
            ~ "monitoring_baseline_start (" ~ texts['start'] ~ ")") }}
    {%- endif -%}
    {{ return({
        'start': "cast('" ~ times['start'].strftime('%Y-%m-%d %H:%M:%S.%f') ~ "' as timestamp)",
        'end': "cast('" ~ times['end'].strftime('%Y-%m-%d %H:%M:%S.%f') ~ "' as timestamp)",
    }) }}
{%- endmacro %}
