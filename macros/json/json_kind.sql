{#-
    The kind of a JSON value: 'string', 'integer', 'number' (non-integer), 'boolean',
    'object', 'array', or NULL for SQL NULL / JSON null.
-#}
{% macro json_kind(value) -%}
    {{ return(adapter.dispatch('json_kind', 'inference_tables')(value)) }}
{%- endmacro %}

{% macro default__json_kind(value) -%}
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
