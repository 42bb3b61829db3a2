"""The review page's session (theme/static/js/review-session.js, run for real under node): the
queue order, undo, the counters and the learn-ahead window, checked against hand-made
expectations and against the terminal's session (srs/session.py with the `fsrs` package) on
random decks and histories."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyfolio.srs.cards import StudyCard
from studyfolio.srs.generator import config_of
from studyfolio.srs.log import Review
from studyfolio.srs.progress import Progress
from studyfolio.srs.scheduler import LEARN_AHEAD, SchedulerConfig
from studyfolio.srs.session import Session

NODE = shutil.which("node") or "/usr/bin/node"
RUNNER = Path(__file__).with_name("session_runner.js")
NOW = datetime(2026, 10, 1, 10, 0, tzinfo=UTC)
MINUTE = 60_000
WINDOW = int(LEARN_AHEAD.total_seconds()) * 1000


def ms(at: datetime) -> int:
    return int(at.timestamp()) * 1000


def run(deck, histories, steps, *, new_per_day=20, learn_ahead=WINDOW, now=NOW, first=None) -> list[dict]:
    """The JS session's look after it starts and after each step (see session_runner.js)."""
    job = {
        "config": {},
        "session": {"deck": deck, "histories": histories, "newPerDay": new_per_day,
                    "learnAhead": learn_ahead, "now": ms(now), "first": first},
        "steps": steps,
    }
    done = subprocess.run([NODE, str(RUNNER)], input=json.dumps(job), capture_output=True, text=True,
                          timeout=60, env={**os.environ, "TZ": "UTC"})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def flat(*reviews: tuple[datetime, int]) -> list[int]:
    return [value for at, rating in reviews for value in (ms(at), rating, 0)]


def step(kind: str, at: datetime, rating: int | None = None) -> dict:
    return {"do": kind, "at": ms(at), "rating": rating}


# A deck as a learner has it on 1 October at 10:00: two cards due (d1 sooner), one reviewed this
# morning (not due, and it used one of today's new cards), four never reviewed.
DECK = ["t1", "d2", "n1", "d1", "n2", "n3", "n4"]
HISTORIES = {
    "d1": flat((datetime(2026, 9, 1, 9, 0, tzinfo=UTC), 3)),
    "d2": flat((datetime(2026, 9, 15, 9, 0, tzinfo=UTC), 3)),
    "t1": flat((datetime(2026, 10, 1, 9, 0, tzinfo=UTC), 4)),
}


def test_due_cards_soonest_first_then_new_ones_up_to_what_is_left_of_the_day():
    looks = run(DECK, HISTORIES, [step("rate", NOW, 4) for _ in range(5)], new_per_day=3)
    start = looks[0]
    assert start["pending"] == ["d1", "d2", "n1", "n2"]  # 3 new a day, one used this morning
    assert start["counts"] == {"due": 2, "fresh": 2, "done": 1}
    assert [look.get("acted") for look in looks[1:]] == ["d1", "d2", "n1", "n2", None]
    assert [list(look["counts"].values()) for look in looks[1:]] == [[1, 2, 2], [0, 2, 3], [0, 1, 4], [0, 0, 5], [0, 0, 5]]
    assert looks[-1]["rated"] == [0, 0, 0, 4] and looks[-1]["pending"] == []
    assert looks[-1]["outlook"]["unseen"] == 2


def test_the_day_limit_counts_cards_first_reviewed_today_anywhere():
    # t1 is not in this deck, but it was a new card today: one new card is left of two
    looks = run(["d1", "n1", "n2"], HISTORIES, [], new_per_day=2)
    assert looks[0]["pending"] == ["d1", "n1"]
    assert run(["n1"], HISTORIES, [], new_per_day=1)[0]["pending"] == []


def test_a_card_forgotten_comes_back_after_the_others_within_the_learn_ahead_window():
    later = NOW + timedelta(seconds=5)
    looks = run(["n1", "n2"], {}, [step("rate", NOW, 1), step("rate", NOW, 4), step("rate", later, 4)])
    assert [look["acted"] for look in looks[1:]] == ["n1", "n2", "n1"]  # Again: back in a minute
    assert looks[2]["counts"] == {"due": 0, "fresh": 0, "done": 2}  # n1 waits, not due yet
    assert looks[3]["next"] is None and looks[3]["rated"] == [1, 0, 0, 2]


@pytest.mark.parametrize(("window", "shown_now", "shown_a_second_later"), [
    (10 * MINUTE, "n1", "n1"),     # a first Good brings the card back in exactly 10 minutes
    (10 * MINUTE - 1000, None, "n1"),
    (0, None, None),
])
def test_the_learn_ahead_window_is_the_one_given(window, shown_now, shown_a_second_later):
    second = NOW + timedelta(seconds=1)
    looks = run(["n1"], {}, [step("rate", NOW, 3), step("look", NOW), step("look", second)], learn_ahead=window)
    assert looks[1]["states"]["n1"]["due"] == ms(NOW) + 10 * MINUTE
    assert looks[2]["acted"] == shown_now
    assert looks[3]["acted"] == shown_a_second_later


def test_the_build_publishes_the_window_the_terminal_uses():
    config, _ = config_of({})
    assert config.to_json()["learn_ahead"] * 1000 == WINDOW == 20 * MINUTE


def test_undo_restores_the_exact_state_before_the_rating_and_shows_its_card_again():
    looks = run(DECK, HISTORIES, [step("rate", NOW, 4), step("look", NOW), step("rate", NOW, 1), step("undo", NOW),
                                  step("undo", NOW)], new_per_day=3)
    before, after, again = looks[2], looks[4], looks[5]
    assert looks[3]["acted"] == "d2" and looks[3]["canUndo"]
    assert after["undone"] == {"card": "d2", "review": [ms(NOW), 1, 0]}
    for key in ("next", "counts", "pending", "rated", "skipped", "mastery", "outlook", "states", "histories"):
        assert after[key] == before[key], key
    assert after["next"] == "d2" and not after["canUndo"]
    assert again["undone"] is None  # one rating back, not two: the first is saved for good
    assert again["states"] == before["states"] and again["rated"] == [0, 0, 0, 1]


def test_a_rating_at_the_same_instant_as_the_last_one_is_moved_a_second_on():
    looks = run(["n1"], {}, [step("rate", NOW, 1), step("rate", NOW, 3)], learn_ahead=2 * MINUTE)
    assert looks[2]["acted"] == "n1"  # Again, then shown again within the window
    assert looks[2]["review"] == [ms(NOW) + 1000, 3, 0]
    assert looks[2]["histories"]["n1"] == [ms(NOW), 1, 0, ms(NOW) + 1000, 3, 0]


def test_skip_and_first():
    looks = run(DECK, HISTORIES, [step("skip", NOW), step("rate", NOW, 4)], new_per_day=3, first="n1")
    assert looks[0]["next"] == "n1"  # the card the page already shows stays first
    assert looks[1]["acted"] == "n1" and looks[1]["skipped"] == 1 and "n1" not in looks[1]["pending"]
    assert looks[2]["acted"] == "d1"
    assert run(DECK, HISTORIES, [], new_per_day=3, first="t1")[0]["next"] == "d1"  # not in the session


# ---------- random decks against srs/session.py ----------

def random_case(rng: random.Random):
    """A deck, its reviews before NOW and a list of steps whose times move on."""
    deck = [f"c{i:02d}" for i in range(rng.randint(3, 9))]
    rng.shuffle(deck)
    reviews = []
    for card_id in deck + ["elsewhere"]:
        if rng.random() < 0.35:
            continue  # never reviewed
        at = NOW - timedelta(days=rng.randint(0, 40), minutes=rng.randint(1, 600), seconds=rng.randint(0, 59))
        for _ in range(rng.randint(1, 4)):
            reviews.append(Review(card_id, at, rng.randint(1, 4), 0))
            at += timedelta(minutes=rng.randint(1, 4000), seconds=rng.randint(0, 59))
            if at >= NOW:
                break
    steps, at = [], NOW
    for _ in range(rng.randint(5, 30)):
        at += timedelta(seconds=rng.choice([0, 1, 3, 7, 45, 130, 700]))
        kind = rng.choices(["rate", "skip", "undo", "look"], [10, 1, 3, 1])[0]
        steps.append({"do": kind, "at": ms(at), "rating": rng.randint(1, 4)})
    return deck, reviews, steps, rng.randint(0, 5)


def python_looks(deck, reviews, steps, new_per_day) -> list[tuple]:
    """(card acted on, next card, due, new, done) per step, from the terminal's session. The page
    takes back its last rating only (the earlier ones are saved for good), the terminal any
    number: here the terminal's undo is used as the page's."""
    clock = [NOW]
    progress = Progress.build([], reviews, SchedulerConfig(new_per_day=new_per_day))
    session = Session(progress, [StudyCard(card_id, "note") for card_id in deck], lambda: clock[0], zone=UTC)
    found, can_undo = [], False
    for item in steps:
        clock[0] = datetime.fromtimestamp(item["at"] / 1000, UTC)
        card = session.current()
        if item["do"] == "rate" and card:
            session.rate(card, item["rating"])
            can_undo = True
        elif item["do"] == "skip" and card:
            session.skip(card)
        elif item["do"] == "undo" and can_undo:
            session.undo()
            can_undo = False
        after = session.current()
        found.append((card and card.id, after and after.id, *session.counts()))
    return found, progress


def test_random_sessions_go_as_the_terminal_session_goes():
    rng = random.Random("review-session")
    compared = ties = finished = 0
    for case in range(60):
        deck, reviews, steps, new_per_day = random_case(rng)
        histories: dict[str, list[int]] = {}
        for review in sorted(reviews, key=lambda r: r.at):
            histories.setdefault(review.card, []).extend([ms(review.at), review.rating, 0])
        looks = run(deck, histories, steps, new_per_day=new_per_day)
        want, progress = python_looks(deck, reviews, steps, new_per_day)
        for number, (look, expected) in enumerate(zip(looks[1:], want, strict=True)):
            got = (look["acted"], look["next"], *look["counts"].values())
            if got[1:] != expected[1:] and got[:1] == expected[:1] and None not in (got[1], expected[1]):
                # two cards due at the same instant: the page takes the one first in its queue,
                # the terminal the lower id; from here on the sessions differ
                dues = {look["states"][card_id]["due"] for card_id in (got[1], expected[1])}
                assert len(dues) == 1, f"case {case}, step {number + 1}: {steps[: number + 1]}"
                ties += 1
                break
            assert got == expected, f"case {case}, step {number + 1}: {steps[: number + 1]}"
            compared += 1
        else:
            finished += 1
            for card_id, state in progress.states.items():
                assert looks[-1]["states"][card_id]["due"] == ms(state.due), (case, card_id)
                assert abs(looks[-1]["states"][card_id]["stability"] - state.stability) < 1e-6, (case, card_id)
    assert compared > 600 and finished > 50 and ties < 5
