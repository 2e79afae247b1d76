{#-
    True when a JSON value is of one of `kinds` (json_kind names: 'string', 'integer', 'number',
    'boolean', 'object', 'array'); NULL for SQL NULL. The same as `json_kind(value) in (...)`,
    in fewer nodes on DuckDB (its JSON type names are compared directly).
-#}
{% macro json_kind_in(value, kinds) -%}
    {%- set known = ['string', 'integer', 'number', 'boolean', 'object', 'array'] -%}
    {%- if kinds is string or kinds | reject('in', known) | list | length > 0 -%}
        {{ exceptions.raise_compiler_error("json_kind_in: kinds must be a list of " ~ known ~ ", got " ~ kinds) }}
    {%- endif -%}
    {{ return(adapter.dispatch('json_kind_in', 'inference_tables')(value, kinds)) }}
{%- endmacro %}

{% macro default__json_kind_in(value, kinds) -%}
    {{ inference_tables.unsupported_adapter('json_kind_in') }}
{%- endmacro %}

{% macro duckdb__json_kind_in(value, kinds) -%}
    {%- set type_names = {
        'string': ['VARCHAR'], 'integer': ['BIGINT', 'UBIGINT', 'HUGEINT'], 'number': ['DOUBLE'],
        'boolean': ['BOOLEAN'], 'object': ['OBJECT'], 'array': ['ARRAY']
    } -%}
    {%- set names = [] -%}
    {%- for kind in kinds -%}
        {%- do names.extend(type_names[kind]) -%}
    {%- endfor -%}
    (json_type({{ value }}) in ('{{ names | join("', '") }}'))
{%- endmacro %}

{% macro spark__json_kind_in(value, kinds) -%}
    ({{ inference_tables.json_kind(value) }} in ('{{ kinds | join("', '") }}'))
{%- endmacro %}
