"""Browser exports are read strictly; the published history is compact and grouped by card."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from studyfolio.srs.exchange import ExportError, export_json, history_json, read_export
from studyfolio.srs.log import Review
from studyfolio.srs.scheduler import SchedulerConfig

AT = datetime(2026, 10, 1, 9, 30, tzinfo=UTC)
ENTRY = {"card": "a", "at": "2026-10-01T09:30:00Z", "rating": 3, "ms": 10}


def doc(**changes) -> str:
    return json.dumps({"format": "studyfolio-reviews", "version": 1, "reviews": [ENTRY], **changes})


def test_export_round_trip():
    reviews = [Review("b", AT + timedelta(seconds=5), 1, 0), Review("a", AT, 3, 10)]
    text = export_json(reviews)
    assert json.loads(text) == {
        "format": "studyfolio-reviews",
        "version": 1,
        "reviews": [ENTRY, {"card": "b", "at": "2026-10-01T09:30:05Z", "rating": 1, "ms": 0}],
    }
    assert sorted(read_export(text)) == sorted(reviews)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": "studyfolio-reviews", "vers', "not valid JSON (line 1, column 34: Unterminated string starting at); the file may be cut short: export it again from the review page"),
        ("[]", 'not a Studyfolio review export: expected {"format": "studyfolio-reviews", ...}; use the Export button of the review page'),
        (doc(format="anki"), 'not a Studyfolio review export: expected {"format": "studyfolio-reviews", ...}; use the Export button of the review page'),
        (doc(version=2), "written by a newer Studyfolio (format version 2); this one reads version 1: update Studyfolio, then import again"),
        (doc(version="1"), "'version' must be a whole number from 1, got \"1\""),
        (doc(reviews={}), "'reviews' must be a list of reviews"),
        (
            doc(reviews=[ENTRY, {**ENTRY, "rating": 9}, {**ENTRY, "at": "yesterday"}]),
            "2 broken review(s), nothing imported: review 2: 'rating' must be one of 1 (Again), 2 (Hard), 3 (Good), 4 (Easy), got 9;"
            " review 3: 'at' must be an ISO-8601 UTC time like 2026-10-01T09:30:00Z, got \"yesterday\"",
        ),
    ],
)
def test_broken_or_newer_exports_are_refused_with_a_reason(text, message):
    with pytest.raises(ExportError) as caught:
        read_export(text)
    assert str(caught.value) == message


def test_many_broken_reviews_are_summarised():
    bad = [{**ENTRY, "ms": -i} for i in range(1, 9)]
    with pytest.raises(ExportError) as caught:
        read_export(doc(reviews=bad))
    assert str(caught.value).startswith("8 broken review(s), nothing imported: review 1: 'ms'")
    assert str(caught.value).endswith("; and 3 more")


def test_history_is_grouped_by_card_in_time_order_flat_with_the_scheduler():
    reviews = [
        Review("b", AT, 2, 7),
        Review("a", AT + timedelta(days=1), 3, 5),
        Review("a", AT, 1, 4),
    ]
    data = json.loads(history_json(reviews, SchedulerConfig(desired_retention=0.85, new_per_day=7)))
    at_ms = int(AT.timestamp() * 1000)
    assert data == {
        "format": "studyfolio-history",
        "version": 1,
        "scheduler": {
            "desired_retention": 0.85,
            "learning_steps": [60, 600],
            "relearning_steps": [600],
            "maximum_interval": 36500,
            "new_per_day": 7,
            "learn_ahead": 1200,
        },
        "history": {"a": [at_ms, 1, 4, at_ms + 86400000, 3, 5], "b": [at_ms, 2, 7]},
    }
