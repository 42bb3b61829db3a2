"""The browser's review-log rules (srslog.js, run for real under node) and the build's
(srs/log.py) accept the same entries and times and merge histories to the same result."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyfolio.srs.log import Review, merge, parse_at, review_from_json

NODE = shutil.which("node") or "/usr/bin/node"
RUNNER = Path(__file__).with_name("srslog_runner.js")
GOOD = {"card": "variance-1a2b3c4d", "at": "2026-10-01T09:30:00Z", "rating": 3, "ms": 5200}

# Each is one line of a review log or one entry of an export, as a learner's files hold them.
ENTRY_CHANGES = [
    {}, {"rating": 1}, {"rating": 4}, {"ms": 0}, {"at": "2026-10-01T09:30:00.5Z"},
    {"at": "2026-10-01T09:30:00+00:00"}, {"card": "constructor"}, {"card": "__proto__"},
    {"rating": 0}, {"rating": 5}, {"rating": 2.5}, {"rating": True}, {"rating": "3"}, {"rating": None},
    {"ms": -1}, {"ms": 1.5}, {"ms": "10"}, {"ms": False}, {"card": ""}, {"card": " x"}, {"card": "x "},
    {"card": 7}, {"card": None}, {"extra": 1}, {"at": "2026-10-01T09:30:00"},
    {"at": "2026-02-30T09:30:00Z"}, {"at": "1999-12-31T23:59:59Z"}, {"at": "2100-01-01T00:00:00Z"},
    {"at": 1790000000}, {"at": "2026-10-01T11:30:00+02:00"},
]
MISSING = [{k: v for k, v in GOOD.items() if k != name} for name in GOOD]
NOT_OBJECTS = [[], [GOOD], "review", 3, None]
ENTRIES = [{**GOOD, **change} for change in ENTRY_CHANGES] + MISSING + NOT_OBJECTS

TIMES = [
    "2026-10-01T09:30:00Z", "2026-10-01T09:30:00.1Z", "2026-10-01T09:30:00.12Z", "2026-10-01T09:30:00.123Z",
    "2026-10-01T09:30:00.1234Z", "2026-10-01T09:30:00+00:00", "2026-10-01T09:30:00-00:00",
    "2024-02-29T00:00:00Z", "2025-02-29T00:00:00Z", "2026-04-31T12:00:00Z", "2026-10-01T24:00:00Z",
    "2026-10-01T23:60:00Z", "2026-10-01T23:59:60Z", "2000-01-01T00:00:00Z", "2099-12-31T23:59:59.999Z",
    "1999-12-31T23:59:59Z", "2100-01-01T00:00:00Z", "2026-10-01", "2026-10-01T09:30Z", " 2026-10-01T09:30:00Z",
    "２０２６-10-01T09:30:00Z", 0, None,
]


def python_accepts(entry) -> bool:
    try:
        review_from_json(entry)
    except ValueError:
        return False
    return True


def python_ms(value) -> int | None:
    try:
        at = parse_at(value)
    except ValueError:
        return None
    return int(at.timestamp()) * 1000 + at.microsecond // 1000


def pick(rng: random.Random, instants: list[datetime]) -> list[Review]:
    return [Review("c", rng.choice(instants), rng.randrange(1, 5), rng.randrange(0, 3) * 1000)
            for _ in range(rng.randrange(0, 6))]


def random_merges(rng: random.Random, count: int):
    """Pairs (published history, this browser's entries) of one card with shared instants."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    merges = []
    for _ in range(count):
        instants = [start + timedelta(seconds=rng.randrange(0, 10**7)) for _ in range(rng.randrange(1, 8))]
        published = merge(pick(rng, instants))  # the build publishes a merged history
        merges.append((published, pick(rng, instants)))
    return merges


def run_node(job: dict) -> dict:
    done = subprocess.run([NODE, str(RUNNER)], input=json.dumps(job), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def merges():
    return random_merges(random.Random(20261204), 300)


@pytest.fixture(scope="module")
def browser(merges):
    flat = [
        ([x for r in published for x in (r.at_ms, r.rating, r.ms)], [[r.at_ms, r.rating, r.ms] for r in mine])
        for published, mine in merges
    ]
    return run_node({"entries": ENTRIES, "times": TIMES, "merges": flat})


@pytest.mark.parametrize("index", range(len(ENTRIES)), ids=[json.dumps(e)[:60] for e in ENTRIES])
def test_the_same_entries_are_reviews(browser, index):
    entry = ENTRIES[index]
    assert (browser["problems"][index] == "") == python_accepts(entry), entry


@pytest.mark.parametrize("index", range(len(TIMES)), ids=[json.dumps(t) for t in TIMES])
def test_the_same_times_are_read_to_the_millisecond(browser, index):
    assert browser["times"][index] == python_ms(TIMES[index])


def test_both_sides_agree_on_good_and_bad_entries_in_the_table(browser):
    # the table holds both kinds, so the parity above is not vacuous
    accepted = [e for e in ENTRIES if python_accepts(e)]
    assert 5 <= len(accepted) < len(ENTRIES) - 20


def test_merging_a_card_history_gives_the_same_reviews(browser, merges):
    for (published, mine), flat in zip(merges, browser["merged"], strict=True):
        expected = merge(published, mine)
        assert flat == [x for r in expected for x in (r.at_ms, r.rating, r.ms)], (published, mine)
