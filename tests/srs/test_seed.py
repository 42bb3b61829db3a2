"""Schedules from Obsidian's SR comments seed FSRS memory states as Anki converts SM-2 history:
the fsrs-rs conversion (its Python binding) is the reference."""

from __future__ import annotations

from datetime import UTC, datetime

import fsrs_rs_python
import pytest
from fsrs import Scheduler, State

from studyfolio.srs.seed import memory_from_sm2, seed_of

PARAMETERS = Scheduler().parameters
CASES = [(ease, interval, retention) for ease in (1.3, 1.8, 2.5, 3.1, 4.0)
         for interval in (1, 3, 12, 60, 400) for retention in (0.8, 0.9, 0.95)]


def test_the_scheduler_and_the_reference_use_the_same_parameters():
    assert list(PARAMETERS) == pytest.approx(list(fsrs_rs_python.DEFAULT_PARAMETERS), rel=1e-6)


@pytest.mark.parametrize(("ease", "interval", "retention"), CASES)
def test_memory_state_matches_the_reference_conversion(ease, interval, retention):
    reference = fsrs_rs_python.FSRS(fsrs_rs_python.DEFAULT_PARAMETERS).memory_state_from_sm2(ease, interval, retention)
    stability, difficulty = memory_from_sm2(ease, interval, PARAMETERS, retention)
    assert stability == pytest.approx(reference.stability, rel=1e-4)
    assert difficulty == pytest.approx(reference.difficulty, rel=1e-4, abs=1e-4)


def test_a_seed_is_a_card_in_review_due_on_its_date():
    seed = seed_of("variance-1a2b3c4d", "2026-10-01", 12, 250)
    card = seed.start(PARAMETERS)
    assert (card.state, card.due, card.last_review) == (
        State.Review, datetime(2026, 10, 1, tzinfo=UTC), datetime(2026, 9, 19, tzinfo=UTC))
    assert card.stability == pytest.approx(12.0, rel=1e-6)
    # FSRS agrees the card is due then: at its due date recall is at the SM-2 retention
    assert Scheduler().get_card_retrievability(card, card.due) == pytest.approx(0.9, abs=1e-3)


def test_reviews_after_the_seed_are_replayed_on_top_and_older_ones_are_in_it():
    from studyfolio.srs.log import Review
    from studyfolio.srs.progress import Progress
    from studyfolio.srs.scheduler import SchedulerConfig

    seed = seed_of("c", "2026-10-01", 12, 250)
    before = Review("c", datetime(2026, 9, 1, tzinfo=UTC), 1, 1000)  # in the seed already
    after = Review("c", datetime(2026, 10, 2, tzinfo=UTC), 3, 1000)
    seeded = Progress.build([], [before, after], SchedulerConfig(), {"c": seed})
    only_after = Progress.build([], [after], SchedulerConfig(), {"c": seed})
    assert seeded.states["c"].stability == pytest.approx(only_after.states["c"].stability)
    assert seeded.states["c"].stability > 12  # a Good review on a due card grows its stability
    assert seeded.history["c"] == [before, after]  # the log itself is kept whole
    unseeded = Progress.build([], [], SchedulerConfig(), {"c": seed})
    assert unseeded.states["c"].due == datetime(2026, 10, 1, tzinfo=UTC)


def test_the_review_page_replays_a_seeded_history_as_the_build_does():
    """fsrs.js's replay(history, seed), run under node, against Progress.build with the seed."""
    import json
    import random
    import shutil
    import subprocess
    from datetime import timedelta
    from pathlib import Path

    from studyfolio.srs.log import Review
    from studyfolio.srs.progress import Progress
    from studyfolio.srs.scheduler import SchedulerConfig

    rng = random.Random(20261204)
    config = SchedulerConfig()
    cases, expected = [], []
    for n in range(60):
        seed = seed_of(f"c{n}", f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                       rng.choice((1, 3, 9, 30, 200)), rng.choice((130, 210, 250, 300)))
        at = seed.last_review + timedelta(days=rng.uniform(-20, 5))
        reviews = []
        for _ in range(rng.randint(0, 8)):
            at += timedelta(hours=rng.uniform(0.1, 24 * 40))
            reviews.append(Review(seed.card, at.replace(microsecond=0), rng.randint(1, 4), 0))
        progress = Progress.build([], reviews, config, {seed.card: seed})
        card = progress.states[seed.card]
        expected.append([card.state.value, card.step, card.stability, card.difficulty,
                         int(card.due.timestamp() * 1000), int(card.last_review.timestamp() * 1000)])
        cases.append({"seed": progress.seed_states()[seed.card],
                      "history": [x for r in reviews for x in (r.at_ms, r.rating, r.ms)]})
    job = {"config": config.to_json(), "cases": cases}
    runner = Path(__file__).with_name("seed_runner.js")
    done = subprocess.run([shutil.which("node") or "/usr/bin/node", str(runner)], input=json.dumps(job),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    for got, want in zip(json.loads(done.stdout), expected, strict=True):
        assert got[:2] == want[:2] and got[4:] == want[4:]
        assert got[2:4] == pytest.approx(want[2:4], rel=1e-9)
