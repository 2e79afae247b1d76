{#-
    SQL of the rows of `windowed` (a CTE with granularity and window_start) in each of their
    slices, with slice_key and slice_value: the whole table (both NULL) and one slice per
    value of each of monitoring_slice_keys(). A row whose slice value is NULL belongs to the
    whole-table slice only.
-#}
{% macro monitoring_slice_rows(windowed) -%}
    {%- set slice_keys = inference_tables.monitoring_slice_keys() -%}
    select *
    from (
        select
            {{ windowed }}.*,
            slices.slice_key,
            case slices.slice_key
                {%- for slice_key in slice_keys %}
                when '{{ slice_key }}' then {{ windowed }}.{{ slice_key }}
                {%- endfor %}
            end as slice_value
        from {{ windowed }}
        cross join (
            select cast(null as {{ inference_tables.data_type('string') }}) as slice_key
            {%- for slice_key in slice_keys %}
            union all
            select '{{ slice_key }}' as slice_key
            {%- endfor %}
        ) as slices
    ) as sliced
    where slice_key is null or slice_value is not null
{%- endmacro %}

{#- The columns of inference_requests that cut the monitoring slices (SPEC §7). -#}
{% macro monitoring_slice_keys() -%}
    {{ return(['endpoint_name', 'served_entity_id', 'status_class']) }}
{%- endmacro %}
