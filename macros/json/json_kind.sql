{#-
    The kind of a JSON value: 'string', 'integer', 'number' (non-integer), 'boolean',
    'object', 'array', or NULL for SQL NULL / JSON null.
-#}
{% macro json_kind(value) -%}
    {{ return(adapter.dispatch('json_kind', 'inference_tables')(value)) }}
{%- endmacro %}

{% macro duckdb__json_kind(value) -%}
    case json_type({{ value }})
        when 'VARCHAR' then 'string'
        when 'BIGINT' then 'integer'
        when 'UBIGINT' then 'integer'
        when 'HUGEINT' then 'integer'
        when 'DOUBLE' then 'number'
        when 'BOOLEAN' then 'boolean'
        when 'OBJECT' then 'object'
        when 'ARRAY' then 'array'
    end
{%- endmacro %}

{% macro spark__json_kind(value) -%}
    {#- Values are VARIANT: schema_of_variant gives STRING, BIGINT, DECIMAL(p,s), DOUBLE,
        BOOLEAN, OBJECT<...>, ARRAY<...>, or VOID for JSON null. A DECIMAL without a scale
        is an integer; the value is named once, so callers may pass long expressions. #}
    case regexp_replace(
        regexp_replace(schema_of_variant({{ value }}), '^DECIMAL\\(\\d+,0\\)$', 'BIGINT'),
        '[<(].*$', ''
    )
        when 'STRING' then 'string'
        when 'BIGINT' then 'integer'
        when 'DECIMAL' then 'number'
        when 'DOUBLE' then 'number'
        when 'BOOLEAN' then 'boolean'
        when 'OBJECT' then 'object'
        when 'ARRAY' then 'array'
    end
{%- endmacro %}

{% macro default__json_kind(value) -%}
    {{ inference_tables.unsupported_adapter('json_kind') }}
{%- endmacro %}
