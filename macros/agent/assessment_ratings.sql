{#-
    docs/input_format.md, payload_assessment_logs ratings: a JSON object {name: {"value": v, "rationale": r}} as
    MAP(name, STRUCT(value, double_value, rationale)). A string value is kept as it is,
    true/false become 'true'/'false', a number goes to double_value with value NULL. A rating
    given as a bare value instead of an object is read as its value. NULL when not an object.
-#}
{% macro assessment_ratings(ratings) -%}
    {%- set is_object = inference_tables.json_kind('rating') ~ " = 'object'" -%}
    {%- set value = "case when " ~ is_object ~ " then "
        ~ inference_tables.json_value_at('rating', '$.value') ~ " else rating end" -%}
    {#- The value is named once (let): written out in each field, DuckDB evaluated it, and
        the kind of its rating, several times over (the model took 2.4 times as long). -#}
    case when {{ inference_tables.json_kind(ratings) }} = 'object' then
        {{ inference_tables.map_transform_values(
            inference_tables.json_parse(ratings, 'json_map'),
            'rating',
            inference_tables.let(value, 'rating_value', inference_tables.named_struct({
                'value': "case when " ~ inference_tables.json_kind('rating_value')
                    ~ " in ('string', 'boolean') then "
                    ~ inference_tables.json_text('rating_value') ~ " end",
                'double_value': "case when " ~ inference_tables.json_kind('rating_value')
                    ~ " in ('integer', 'number') then cast("
                    ~ inference_tables.json_text('rating_value') ~ " as double) end",
                'rationale': "case when " ~ is_object ~ " then " ~ inference_tables.json_text(
                    inference_tables.json_value_at('rating', '$.rationale')) ~ " end",
            }))
        ) }}
    end
{%- endmacro %}
