{#-
    One name of the agent request logs' `request_metadata` (docs/input_format.md): the
    current served entity's, else the line's legacy `request_metadata`. `name` is
    endpoint_name, model_name or model_version; `payload_rows` and `served_entities` name the
    joined relations (int_payload_rows and current_served_entities).
-#}
{% macro request_metadata_name(name, payload_rows, served_entities) -%}
    {%- set sources = {
        'endpoint_name': ('endpoint_name', 'legacy_endpoint_name'),
        'model_name': ('entity_name', 'legacy_model_name'),
        'model_version': ('entity_version', 'legacy_model_version'),
    } -%}
    {%- if name not in sources -%}
        {{ exceptions.raise_compiler_error(
            "request_metadata_name: name must be one of " ~ (sources.keys() | list | join(', '))
            ~ ", not '" ~ name ~ "'") }}
    {%- endif -%}
    coalesce(
        {{ served_entities }}.{{ sources[name][0] }}, {{ payload_rows }}.{{ sources[name][1] }}
    )
{%- endmacro %}
