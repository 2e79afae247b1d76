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
    {{ inference_tables.spelled_data_type(structure, {
        'names': {'string': 'varchar', 'integer': 'integer', 'bigint': 'bigint',
            'double': 'double', 'boolean': 'boolean'},
        'map': 'map(varchar, @)', 'struct': 'struct(@)', 'field': '"@" ', 'list': '@[]',
    }) }}
{%- endmacro %}

{% macro spark__data_type(structure) -%}
    {{ inference_tables.spelled_data_type(structure, {
        'names': {'string': 'string', 'integer': 'int', 'bigint': 'bigint',
            'double': 'double', 'boolean': 'boolean'},
        'map': 'map<string, @>', 'struct': 'struct<@>', 'field': '`@`: ', 'list': 'array<@>',
    }) }}
{%- endmacro %}

{#- data_type's walk over a structure, with an engine's spellings ('@' marks the place of the
    inner type, or of the field name). -#}
{% macro spelled_data_type(structure, spellings) -%}
    {%- if structure is mapping and '__map_of__' in structure -%}
        {{ spellings['map'] | replace('@', inference_tables.spelled_data_type(
            structure['__map_of__'], spellings)) }}
    {%- elif structure is mapping -%}
        {%- set fields = [] -%}
        {%- for field, field_structure in structure.items() -%}
            {%- do fields.append((spellings['field'] | replace('@', field))
                ~ inference_tables.spelled_data_type(field_structure, spellings)) -%}
        {%- endfor -%}
        {{ spellings['struct'] | replace('@', fields | join(', ')) }}
    {%- elif structure is iterable and structure is not string and structure | length == 1 -%}
        {{ spellings['list'] | replace('@', inference_tables.spelled_data_type(structure[0], spellings)) }}
    {%- elif structure in spellings['names'] -%}
        {{ spellings['names'][structure] }}
    {%- else -%}
        {{ exceptions.raise_compiler_error("data_type: unknown structure " ~ structure) }}
    {%- endif -%}
{%- endmacro %}
