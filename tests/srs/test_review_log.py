"""The review log: each line checked with a message naming what is wrong; merges are set unions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyfolio.srs.log import (
    Review,
    append_reviews,
    format_at,
    merge,
    parse_at,
    read_log,
    review_from_json,
)

AT = datetime(2026, 10, 1, 9, 30, tzinfo=UTC)


def test_times_are_utc_with_z_and_at_most_milliseconds():
    assert parse_at("2026-10-01T09:30:00Z") == AT
    assert parse_at("2026-10-01T09:30:00+00:00") == AT
    assert parse_at("2026-10-01T09:30:00.250Z") == AT + timedelta(milliseconds=250)
    assert format_at(AT) == "2026-10-01T09:30:00Z"
    assert format_at(AT + timedelta(milliseconds=5)) == "2026-10-01T09:30:00.005Z"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-10-01T09:30:00", "'at' must be an ISO-8601 UTC time like 2026-10-01T09:30:00Z, got \"2026-10-01T09:30:00\""),
        ("2026-10-01T11:30:00+02:00", "'at' must be an ISO-8601 UTC time like 2026-10-01T09:30:00Z, got \"2026-10-01T11:30:00+02:00\""),
        ("2026-10-01 09:30:00Z", "'at' must be an ISO-8601 UTC time like 2026-10-01T09:30:00Z, got \"2026-10-01 09:30:00Z\""),
        ("2026-10-01T09:30:00.123456Z", "'at' must be an ISO-8601 UTC time like 2026-10-01T09:30:00Z, got \"2026-10-01T09:30:00.123456Z\""),
        ("2026-02-30T09:30:00Z", "'at' is not a real time: \"2026-02-30T09:30:00Z\""),
        (1790000000, "'at' must be an ISO-8601 UTC time like 2026-10-01T09:30:00Z, got 1790000000"),
    ],
)
def test_bad_times_are_named(value, message):
    with pytest.raises(ValueError) as caught:
        parse_at(value)
    assert str(caught.value) == message


GOOD = {"card": "variance-1a2b3c4d", "at": "2026-10-01T09:30:00Z", "rating": 3, "ms": 5200}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"rating": 5}, "'rating' must be one of 1 (Again), 2 (Hard), 3 (Good), 4 (Easy), got 5"),
        ({"rating": True}, "'rating' must be one of 1 (Again), 2 (Hard), 3 (Good), 4 (Easy), got true"),
        ({"rating": "3"}, "'rating' must be one of 1 (Again), 2 (Hard), 3 (Good), 4 (Easy), got \"3\""),
        ({"ms": -1}, "'ms' must be a whole number of milliseconds (0 or more), got -1"),
        ({"ms": 1.5}, "'ms' must be a whole number of milliseconds (0 or more), got 1.5"),
        ({"card": ""}, "'card' must be a card id (a non-empty string), got \"\""),
        ({"card": " x"}, "'card' must be a card id (a non-empty string), got \" x\""),
        ({"extra": 1}, "unknown key 'extra' (a review has card, at, rating, ms)"),
    ],
)
def test_bad_entries_are_named(change, message):
    with pytest.raises(ValueError) as caught:
        review_from_json({**GOOD, **change})
    assert str(caught.value) == message


def test_missing_field_and_non_object():
    with pytest.raises(ValueError, match=r"^missing 'ms' \(a review has card, at, rating, ms\)$"):
        review_from_json({k: v for k, v in GOOD.items() if k != "ms"})
    with pytest.raises(ValueError, match=r"^expected a JSON object like \{"):
        review_from_json([1, 2])


def test_read_log_reports_bad_lines_and_keeps_them_in_the_file(tmp_path):
    path = tmp_path / "reviews.jsonl"
    text = (
        '{"card": "a", "at": "2026-10-01T09:30:00Z", "rating": 3, "ms": 10}\n'
        "\n"
        "{oops\n"
        '{"card": "a", "at": "2026-10-01T09:31:00Z", "rating": 0, "ms": 10}\n'
        '{"card": "b", "at": "2026-10-01T09:30:00Z", "rating": 4, "ms": 10}\n'
        '{"card": "a", "at": "2026-10-01T09:30:00Z", "rating": 3, "ms": 10}\n'
        '{"card": "b", "at": "2026-10-01T09:30:00Z", "rating": 2, "ms": 99}\n'
    )
    path.write_text(text)
    found = read_log(str(path), display="content/reviews.jsonl")
    assert [p.format() for p in found.problems] == [
        "content/reviews.jsonl:3: not valid JSON: Expecting property name enclosed in double quotes (column 2)\n"
        '    hint: each line holds one review, e.g. {"card": "variance-1a2b3c4d", "at": "2026-10-01T09:30:00Z", "rating": 3, "ms": 5200}; the line is kept in the file but not used',
        "content/reviews.jsonl:4: 'rating' must be one of 1 (Again), 2 (Hard), 3 (Good), 4 (Easy), got 0\n"
        '    hint: each line holds one review, e.g. {"card": "variance-1a2b3c4d", "at": "2026-10-01T09:30:00Z", "rating": 3, "ms": 5200}; the line is kept in the file but not used',
        "content/reviews.jsonl:7: review of 'b' at 2026-10-01T09:30:00Z is also on line 5 with other details; rating 2, 99 ms is used\n"
        "    hint: one card cannot be reviewed twice at one instant; delete the wrong line",
    ]
    assert [p.severity for p in found.problems] == ["error", "error", "warning"]
    assert found.reviews == [Review("a", AT, 3, 10), Review("b", AT, 2, 99)]
    assert found.lines == {("a", AT): 1, ("b", AT): 5}
    assert path.read_text() == text  # reading never rewrites


def test_missing_log_is_empty(tmp_path):
    found = read_log(str(tmp_path / "none.jsonl"))
    assert found.reviews == [] and found.problems == []


def test_append_adds_lines_and_mends_a_missing_final_newline(tmp_path):
    path = tmp_path / "content" / "reviews.jsonl"
    assert append_reviews(str(path), [Review("a", AT, 3, 10)]) == 1
    with open(path, "a") as handle:
        handle.write('{"card": "b", "at": "2026-10-01T09:31:00Z", "rating": 1, "ms": 0}')  # no newline
    append_reviews(str(path), [Review("c", AT + timedelta(seconds=1), 4, 7)])
    assert path.read_text().splitlines() == [
        '{"card": "a", "at": "2026-10-01T09:30:00Z", "rating": 3, "ms": 10}',
        '{"card": "b", "at": "2026-10-01T09:31:00Z", "rating": 1, "ms": 0}',
        '{"card": "c", "at": "2026-10-01T09:30:01Z", "rating": 4, "ms": 7}',
    ]
    assert append_reviews(str(path), []) == 0


# --- merge is a set union on (card, at) -------------------------------------------------

reviews = st.builds(
    Review,
    card=st.sampled_from(["a", "b", "c", "variance-1a2b3c4d"]),
    at=st.integers(0, 40).map(lambda s: AT + timedelta(seconds=s)),
    rating=st.integers(1, 4),
    ms=st.integers(0, 3),
)
logs = st.lists(reviews, max_size=25)


@given(logs)
def test_merge_is_idempotent(a):
    once = merge(a)
    assert merge(once, once) == once
    assert merge(a, a) == once


@given(logs, logs)
def test_merge_is_commutative(a, b):
    assert merge(a, b) == merge(b, a)


@given(logs, logs, logs)
def test_merge_is_associative(a, b, c):
    assert merge(merge(a, b), c) == merge(a, merge(b, c))


@given(logs, logs)
def test_merge_loses_no_review(a, b):
    merged = merge(a, b)
    keys = [r.key for r in merged]
    assert len(keys) == len(set(keys))
    assert set(keys) == {r.key for r in a + b}
    for review in a + b:  # every entry is there, or one with its key that beats it
        kept = next(r for r in merged if r.key == review.key)
        assert kept == review or (kept.rating, kept.ms) < (review.rating, review.ms)
    assert merged == sorted(merged, key=lambda r: (r.at, r.card))
