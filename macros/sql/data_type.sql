{#-
    The SQL type of `structure`, spelled for the engine: a mapping {field: structure} is a
    struct, a one-element list [structure] a list, map_of(structure) a map with string keys,
    and a name one of 'string', 'integer', 'bigint', 'double', 'boolean'.
-#}
{% macro data_type(structure) -%}
    {{ return(adapter.dispatch('data_type', 'inference_tables')(structure)) }}
{%- endmacro %}

{#- A map with string keys and values of `structure`, for data_type. -#}
{% macro map_of(structure) -%}
    {{ return({'__map_of__': structure}) }}
{%- endmacro %}

{% macro default__data_type(structure) -%}
    {{ inference_tables.unsupported_adapter('data_type') }}
{%- endmacro %}

{% macro duckdb__data_type(structure) -%}
    {%- set names = {
        'string': 'varchar', 'integer': 'integer', 'bigint': 'bigint', 'double': 'double',
        'boolean': 'boolean'
    } -%}
    {%- if structure is mapping and '__map_of__' in structure -%}
        map(varchar, {{ inference_tables.duckdb__data_type(structure['__map_of__']) }})
    {%- elif structure is mapping -%}
        struct(
        {%- for field, field_structure in structure.items() -%}
            "{{ field }}" {{ inference_tables.duckdb__data_type(field_structure) }}
            {{- ', ' if not loop.last }}
        {%- endfor -%}
        )
    {%- elif structure is iterable and structure is not string and structure | length == 1 -%}
        {{ inference_tables.duckdb__data_type(structure[0]) }}[]
    {%- elif structure in names -%}
        {{ names[structure] }}
    {%- else -%}
        {{ exceptions.raise_compiler_error("data_type: unknown structure " ~ structure) }}
    {%- endif -%}
{%- endmacro %}

{% macro spark__data_type(structure) -%}
    {%- set names = {
        'string': 'string', 'integer': 'int', 'bigint': 'bigint', 'double': 'double',
        'boolean': 'boolean'
    } -%}
    {%- if structure is mapping and '__map_of__' in structure -%}
        map<string, {{ inference_tables.spark__data_type(structure['__map_of__']) }}>
    {%- elif structure is mapping -%}
        struct<
        {%- for field, field_structure in structure.items() -%}
            `{{ field }}`: {{ inference_tables.spark__data_type(field_structure) }}
            {{- ', ' if not loop.last }}
        {%- endfor -%}
        >
    {%- elif structure is iterable and structure is not string and structure | length == 1 -%}
        array<{{ inference_tables.spark__data_type(structure[0]) }}>
    {%- elif structure in names -%}
        {{ names[structure] }}
    {%- else -%}
        {{ exceptions.raise_compiler_error("data_type: unknown structure " ~ structure) }}
    {%- endif -%}
{%- endmacro %}
