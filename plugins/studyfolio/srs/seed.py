"""Schedules carried over from Obsidian's spaced repetition plugin: its `<!--SR:!due,interval,ease-->`
comment seeds a card's FSRS state, so a learner's reviews made there are not lost.

The plugin schedules with SM-2: an interval in days and an ease (250 = 2.5). The conversion is the
one Anki uses when it turns SM-2 history into FSRS memory states (fsrs-rs'
`memory_state_from_sm2`, the reference in tests/srs/test_seed.py):
- stability: the interval is taken as the time at which recall fell to the SM-2 retention
  (0.9), so on FSRS-6's forgetting curve R(t, S) = (1 + F t / S)^-decay with
  F = 0.9^(-1/decay) - 1, S = F * interval / (retention^(-1/decay) - 1) (S = interval at 0.9);
- difficulty: the ease is the growth FSRS would give the stability after a Good review at that
  retention, S'/S = 1 + e^w8 (11 - D) S^-w9 (e^(w10 (1 - R)) - 1), solved for D and kept in 1..10.

The seeded card is in review, last reviewed `interval` days before its due date, due then. The
rule between a seed and the review log: the newest wins. The comment in the note is the
plugin's latest word (a learner who kept reviewing in Obsidian has a newer comment, so a newer
seed); log reviews made before the seed's last review are in it already, and log reviews made
after it (in Studyfolio) are replayed on top of it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fsrs import Card, State

SM2_RETENTION = 0.9
MIN_STABILITY = 0.001


def memory_from_sm2(ease: float, interval: float, parameters, retention: float = SM2_RETENTION) -> tuple[float, float]:
    """(stability, difficulty) of a card SM-2 gave `ease` and an `interval` in days."""
    w = list(parameters)
    decay = -w[20]
    factor = 0.9 ** (1 / decay) - 1
    stability = max(MIN_STABILITY, interval * factor / (retention ** (1 / decay) - 1))
    growth = math.exp(w[8]) * stability ** -w[9] * math.expm1(w[10] * (1 - retention))
    difficulty = 11 - (ease - 1) / growth
    return stability, min(10.0, max(1.0, difficulty))


@dataclass(frozen=True)
class Seed:
    """One card's schedule from an SR comment: due on `due`, after `interval` days, at `ease`."""

    card: str
    due: datetime
    interval: int
    ease: float

    @property
    def last_review(self) -> datetime:
        return self.due - timedelta(days=self.interval)

    def start(self, parameters) -> Card:
        """The FSRS card this schedule stands for."""
        stability, difficulty = memory_from_sm2(self.ease, self.interval, parameters)
        return Card(card_id=0, state=State.Review, step=None, stability=stability,
                    difficulty=difficulty, due=self.due, last_review=self.last_review)

    def to_json(self) -> list:
        return [self.card, int(self.due.timestamp() * 1000), self.interval, self.ease]


def seed_of(card_id: str, due: str, interval: int, ease_percent: int) -> Seed:
    """A Seed from the comment's fields: `2026-10-01`, `12` days, `250` (an ease of 2.5)."""
    day = datetime.strptime(due, "%Y-%m-%d").replace(tzinfo=UTC)
    return Seed(card_id, day, max(1, int(interval)), int(ease_percent) / 100)
