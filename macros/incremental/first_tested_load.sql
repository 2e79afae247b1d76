{#-
    SQL for the first load id whose rows the data tests of an incremental model read, in its
    `column` of `relation`: on `dbt build`, the loads of this very build (load ids are clock
    milliseconds, never below the build's start), so a build that loaded nothing tests nothing;
    on `dbt test`, the latest load there is.
-#}
{% macro first_tested_load(relation, column) -%}
    {%- if flags.WHICH == 'build' -%}
        {{ (run_started_at.timestamp() * 1000) | int }}
    {%- else -%}
        (select max({{ column }}) from {{ relation }})
    {%- endif -%}
{%- endmacro %}
