{#-
    Parse JSON text once into typed SQL values following `structure`, written with portable
    type names so every engine can map it:
      - a mapping {key: structure} -> a struct with those fields (absent keys give NULL),
      - a one-element list [structure] -> a list of that element,
      - a type name: 'string', 'json' (the value kept as JSON), 'double', 'integer', 'bigint',
        'boolean', 'string_map' (object of strings), 'json_map' (object of JSON values).
    Values of another type than asked are converted where possible, else NULL; the text must
    be valid JSON.
-#}
{% macro json_parse(text, structure) -%}
    {{ return(adapter.dispatch('json_parse', 'inference_tables')(text, structure)) }}
{%- endmacro %}

{% macro duckdb__json_parse(text, structure) -%}
    from_json({{ text }}, '{{ inference_tables.duckdb_json_structure(structure) }}')
{%- endmacro %}

{% macro duckdb_json_structure(structure) -%}
    {%- set type_names = {
        'string': 'VARCHAR', 'json': 'JSON', 'double': 'DOUBLE', 'integer': 'INTEGER',
        'bigint': 'BIGINT', 'boolean': 'BOOLEAN', 'string_map': 'MAP(VARCHAR, VARCHAR)',
        'json_map': 'MAP(VARCHAR, JSON)'
    } -%}
    {%- if structure is mapping -%}
        {%- set fields = [] -%}
        {%- for key, value in structure.items() -%}
            {%- do fields.append('"' ~ key ~ '":' ~ inference_tables.duckdb_json_structure(value)) -%}
        {%- endfor -%}
        {{ '{' ~ fields | join(',') ~ '}' }}
    {%- elif structure is iterable and structure is not string and structure | length == 1 -%}
        [{{ inference_tables.duckdb_json_structure(structure[0]) }}]
    {%- elif structure in type_names -%}
        "{{ type_names[structure] }}"
    {%- else -%}
        {{ exceptions.raise_compiler_error("json_parse: unknown structure " ~ structure) }}
    {%- endif -%}
{%- endmacro %}

{% macro spark__json_parse(text, structure) -%}
    {#- The cast makes a VARIANT value its JSON text; text stays as it is. #}
    from_json(cast({{ text }} as string), '{{ inference_tables.spark_json_structure(structure) }}')
{%- endmacro %}

{% macro spark_json_structure(structure) -%}
    {%- set type_names = {
        'string': 'string', 'json': 'variant', 'double': 'double', 'integer': 'int',
        'bigint': 'bigint', 'boolean': 'boolean', 'string_map': 'map<string, string>',
        'json_map': 'map<string, variant>'
    } -%}
    {%- if structure is mapping -%}
        {%- set fields = [] -%}
        {%- for key, value in structure.items() -%}
            {%- do fields.append('`' ~ key ~ '`: ' ~ inference_tables.spark_json_structure(value)) -%}
        {%- endfor -%}
        {{ 'struct<' ~ fields | join(', ') ~ '>' }}
    {%- elif structure is iterable and structure is not string and structure | length == 1 -%}
        array<{{ inference_tables.spark_json_structure(structure[0]) }}>
    {%- elif structure in type_names -%}
        {{ type_names[structure] }}
    {%- else -%}
        {{ exceptions.raise_compiler_error("json_parse: unknown structure " ~ structure) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__json_parse(text, structure) -%}
    {{ inference_tables.unsupported_adapter('json_parse') }}
{%- endmacro %}
