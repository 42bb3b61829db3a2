"""The browser's scheduler (fsrs.js, run for real under node) agrees with the `fsrs` package."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Card, Rating

from studyfolio.srs.scheduler import SchedulerConfig

RUNNER = Path(__file__).with_name("parity_runner.js")
NODE = shutil.which("node") or "/usr/bin/node"
START = datetime(2025, 1, 6, 8, 30, tzinfo=UTC)


def random_history(rng: random.Random) -> list[tuple[datetime, int]]:
    """1-25 reviews with gaps from seconds to a year, often several on one day."""
    at = START + timedelta(seconds=rng.randrange(0, 86400 * 30))
    history = []
    for _ in range(rng.randint(1, 25)):
        history.append((at, rng.choices((1, 2, 3, 4), weights=(2, 2, 5, 1))[0]))
        kind = rng.random()
        if kind < 0.35:  # the same day: a learning step, or looking again
            gap = timedelta(seconds=rng.randint(1, 3600 * 6))
        elif kind < 0.5:  # just under or over a day
            gap = timedelta(hours=rng.uniform(20, 30))
        else:
            gap = timedelta(days=rng.randint(1, 400), seconds=rng.randint(0, 86399))
        at += timedelta(seconds=int(gap.total_seconds()))
    return history


def python_states(scheduler, history):
    card = Card(card_id=0)
    states = []
    for at, rating in history:
        card, _ = scheduler.review_card(card, Rating(rating), at)
        later = scheduler.get_card_retrievability(card, at + timedelta(days=3, milliseconds=1234))
        states.append((card.state.value, card.step, card.stability, card.difficulty, card.due, later))
    return states


def run_node(config: dict, histories) -> list:
    job = {
        "config": config,
        "histories": [
            [[int(at.timestamp() * 1000), rating] for at, rating in history] for history in histories
        ],
    }
    done = subprocess.run(
        [NODE, str(RUNNER)], input=json.dumps(job), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


CONFIGS = {
    "shipped": (SchedulerConfig(), None),
    "retention-0.8": (SchedulerConfig(desired_retention=0.8), None),
    "no-steps": (SchedulerConfig(), ((), ())),
}


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_js_scheduler_matches_fsrs_package(name):
    config, steps = CONFIGS[name]
    scheduler = config.scheduler()
    js_config = {
        "desiredRetention": config.desired_retention,
        "learningSteps": [60, 600],
        "relearningSteps": [600],
    }
    if steps is not None:
        scheduler.learning_steps, scheduler.relearning_steps = steps
        js_config["learningSteps"], js_config["relearningSteps"] = [], []
    rng = random.Random(f"parity-{name}")
    histories = [random_history(rng) for _ in range(1000)]
    assert sum(len(h) for h in histories) > 10000
    same_day = sum(
        1 for h in histories for (a, _), (b, _) in zip(h, h[1:], strict=False) if b - a < timedelta(days=1)
    )
    assert same_day > 3000  # the short-term paths are exercised, not only long gaps
    got = run_node(js_config, histories)
    compared = 0
    for index, history in enumerate(histories):
        want = python_states(scheduler, history)
        assert len(got[index]) == len(want)
        for step, (js, py) in enumerate(zip(got[index], want, strict=True)):
            where = f"history {index}, review {step + 1}: {history[: step + 1]}"
            state, card_step, stability, difficulty, due, later = py
            assert js[0] == state and js[1] == card_step, where
            assert abs(js[2] - stability) <= 1e-6, where
            assert abs(js[3] - difficulty) <= 1e-6, where
            assert js[4] == int(due.timestamp() * 1000), where
            assert abs(js[5] - later) <= 1e-9, where
            compared += 1
    assert compared == sum(len(h) for h in histories)


def test_round_half_even_matches_python():
    values = [0.5, 1.5, 2.5, 3.5, -0.5, 2.4999999, 2.5000001, 7.0, 1e6 + 0.5]
    script = (
        f"const F = require({json.dumps(str(RUNNER.parent.parent.parent / 'theme/static/js/fsrs.js'))});"
        f"process.stdout.write(JSON.stringify({json.dumps(values)}.map(F.roundHalfEven)));"
    )
    done = subprocess.run([NODE, "-e", script], capture_output=True, text=True, timeout=30)
    assert json.loads(done.stdout) == [round(v) for v in values]
