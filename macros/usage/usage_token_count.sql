{#-
    Tokens (docs/payload_formats.md) of a parsed `usage` struct (fields prompt_tokens, completion_tokens,
    input_tokens, output_tokens as JSON): `direction` 'input' is prompt_tokens, else
    input_tokens; 'output' is completion_tokens, else output_tokens. Only JSON integers count.
-#}
{% macro usage_token_count(usage, direction) -%}
    {%- set fields = {'input': ['prompt_tokens', 'input_tokens'],
        'output': ['completion_tokens', 'output_tokens']}[direction] -%}
    {{ inference_tables.let(usage, 'token_usage', 'coalesce('
        ~ inference_tables.json_integer('token_usage.' ~ fields[0]) ~ ', '
        ~ inference_tables.json_integer('token_usage.' ~ fields[1]) ~ ')') }}
{%- endmacro %}
