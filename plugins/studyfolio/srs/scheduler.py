"""FSRS-6 as Studyfolio uses it: the `fsrs` package with fixed steps, no fuzz, a chosen retention.

State is never stored: a card's state is its reviews replayed in time order. The browser's
theme/static/js/fsrs.js mirrors this configuration exactly (tests/srs/test_fsrs_parity.py).

Same-day reviews: the package's default steps are kept. A new card is shown again 1 minute
after Again, 5.5 minutes after Hard and 10 minutes after a first Good; a forgotten card
(Again on a card in review) comes back after 10 minutes. Reviews less than a day after the
previous one update stability by FSRS-6's short-term formula."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from fsrs import Card, Rating, Scheduler, State

LEARNING_STEPS = (timedelta(minutes=1), timedelta(minutes=10))
RELEARNING_STEPS = (timedelta(minutes=10),)
MAXIMUM_INTERVAL = 36500
DEFAULT_RETENTION = 0.9
DEFAULT_NEW_PER_DAY = 20
# A session's last cards: those in a learning step due within this window (published in the
# review JSON as `learn_ahead`, seconds, for the review page).
LEARN_AHEAD = timedelta(minutes=20)


@dataclass(frozen=True)
class SchedulerConfig:
    """What the build publishes in reviews.json so the browser and the terminal schedule alike."""

    desired_retention: float = DEFAULT_RETENTION
    new_per_day: int = DEFAULT_NEW_PER_DAY

    def scheduler(self) -> Scheduler:
        return Scheduler(
            desired_retention=self.desired_retention,
            learning_steps=LEARNING_STEPS,
            relearning_steps=RELEARNING_STEPS,
            maximum_interval=MAXIMUM_INTERVAL,
            enable_fuzzing=False,
        )

    def to_json(self) -> dict:
        return {
            "desired_retention": self.desired_retention,
            "learning_steps": [int(step.total_seconds()) for step in LEARNING_STEPS],
            "relearning_steps": [int(step.total_seconds()) for step in RELEARNING_STEPS],
            "maximum_interval": MAXIMUM_INTERVAL,
            "new_per_day": self.new_per_day,
            "learn_ahead": int(LEARN_AHEAD.total_seconds()),
        }

    @classmethod
    def from_json(cls, data: dict) -> SchedulerConfig:
        return cls(
            desired_retention=float(data.get("desired_retention", DEFAULT_RETENTION)),
            new_per_day=int(data.get("new_per_day", DEFAULT_NEW_PER_DAY)),
        )


def check_retention(value) -> float:
    """STUDYFOLIO_DESIRED_RETENTION as a float in (0, 1); ValueError naming the value otherwise."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 1:
        raise ValueError(
            f"STUDYFOLIO_DESIRED_RETENTION must be a number between 0 and 1 (e.g. 0.9), got {value!r}"
        )
    return float(value)


def check_new_per_day(value) -> int:
    """STUDYFOLIO_NEW_CARDS_PER_DAY as an int >= 0; ValueError naming the value otherwise."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(
            f"STUDYFOLIO_NEW_CARDS_PER_DAY must be a whole number of cards (0 or more), got {value!r}"
        )
    return value


def new_card() -> Card:
    # An explicit id: the package otherwise sleeps a millisecond to make one from the clock.
    return Card(card_id=0)


def replay(scheduler: Scheduler, reviews: Iterable[tuple[datetime, int]]) -> Card:
    """The card after `reviews` ((time, rating) in time order); a new card when there are none."""
    card = new_card()
    for at, rating in reviews:
        card, _ = scheduler.review_card(card, Rating(rating), at)
    return card


def is_new(card: Card) -> bool:
    return card.last_review is None


def is_learning(card: Card) -> bool:
    return card.last_review is not None and card.state in (State.Learning, State.Relearning)
