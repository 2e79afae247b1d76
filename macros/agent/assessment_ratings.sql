{#-
    SPEC §4 ratings: a JSON object {name: {"value": v, "rationale": r}} as
    MAP(name, STRUCT(value, double_value, rationale)). A string value is kept as it is,
    true/false become 'true'/'false', a number goes to double_value with value NULL. A rating
    given as a bare value instead of an object is read as its value. NULL when not an object.
-#}
{% macro assessment_ratings(ratings) -%}
    {{ return(adapter.dispatch('assessment_ratings', 'inference_tables')(ratings)) }}
{%- endmacro %}

{% macro default__assessment_ratings(ratings) -%}
    case when json_type({{ ratings }}) = 'OBJECT' then map_from_entries(list_transform(
        list_transform(
            map_entries({{ inference_tables.json_parse(ratings, 'json_map') }}),
            lambda entry: {
                'name': entry.key,
                'value': case
                    when json_type(entry.value) = 'OBJECT' then json_extract(entry.value, '$.value')
                    else entry.value
                end,
                'rationale': case
                    when json_type(entry.value) = 'OBJECT' then entry.value ->> '$.rationale'
                end
            }
        ),
        lambda rating: {
            'key': rating.name,
            'value': {
                'value': case
                    when json_type(rating.value) in ('VARCHAR', 'BOOLEAN') then rating.value ->> '$'
                end,
                'double_value': case
                    when json_type(rating.value) in ('BIGINT', 'UBIGINT', 'DOUBLE')
                        then cast(rating.value ->> '$' as double)
                end,
                'rationale': rating.rationale
            }
        }
    )) end
{%- endmacro %}

{% macro spark__assessment_ratings(ratings) -%}
    {%- set is_object = inference_tables.json_kind('rating') ~ " = 'object'" -%}
    {%- set value = "case when " ~ is_object ~ " then variant_get(rating, '$.value', 'variant')"
        ~ " else rating end" -%}
    case when {{ inference_tables.json_kind(ratings) }} = 'object' then transform_values(
        {{ inference_tables.json_parse(ratings, 'json_map') }},
        (name, rating) -> named_struct(
            'value', case
                when {{ inference_tables.json_kind(value) }} in ('string', 'boolean')
                    then {{ inference_tables.json_text(value) }}
            end,
            'double_value', case
                when {{ inference_tables.json_kind(value) }} in ('integer', 'number')
                    then cast({{ inference_tables.json_text(value) }} as double)
            end,
            'rationale', case
                when {{ is_object }} then {{ inference_tables.json_text(
                    "variant_get(rating, '$.rationale', 'variant')") }}
            end
        )
    ) end
{%- endmacro %}
