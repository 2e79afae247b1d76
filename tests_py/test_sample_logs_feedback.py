"""Review-app feedback lines: record forms, assessments, repeats."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from sample_logs_helpers import Scan
from sample_logs_rules import as_json, feedback_records

pytest_plugins = ["sample_logs_fixtures"]


def test_feedback_records(generated: tuple[Path, dict, Scan]) -> None:
    _, _, result = generated
    forms: Counter[str] = Counter()
    assessments_seen: Counter[str] = Counter()
    for record in result.payload.values():
        records = feedback_records(record)
        if records is None:
            continue
        forms[f"records_{min(len(records), 2)}"] += 1
        for rec in records:
            assert isinstance(rec["request_id"], str)
            source = as_json(rec["source"])
            assert set(source) == {"id", "type", "tags"}
            for key in ("source", "text_assessments", "retrieval_assessments"):
                if key in rec:
                    forms[f"{key}_{type(rec[key]).__name__}"] += 1
            present = ("text_assessments" in rec, "retrieval_assessments" in rec)
            forms[{(True, False): "text", (False, True): "retrieval"}.get(present, "both")] += 1
            for assessment in as_json(rec.get("text_assessments", "[]")):
                ratings = assessment["ratings"]
                for rating in ratings.values():
                    forms["value_" + type(rating["value"]).__name__] += 1
                key = json.dumps([rec["request_id"], assessment], sort_keys=True)
                assessments_seen[key] += 1
            if len(as_json(rec.get("text_assessments", "[]"))) > 1:
                forms["several_text"] += 1
            for assessment in as_json(rec.get("retrieval_assessments", "[]")):
                assert isinstance(assessment["position"], int)
    for form in (
        "records_1",
        "records_2",
        "text",
        "retrieval",
        "both",
        "several_text",
        "source_dict",
        "source_str",
        "text_assessments_list",
        "text_assessments_str",
        "retrieval_assessments_list",
        "retrieval_assessments_str",
        "value_bool",
        "value_str",
    ):
        assert forms[form] >= 1, form
    assert forms["value_float"] + forms["value_int"] >= 1
    assert max(assessments_seen.values()) >= 2  # the review app logs repeats
