"""Deck mastery: the mean retrievability of a deck's cards (a card never reviewed counts 0).

At build time it is computed as of the last review in the log, so the same sources give the
same pages; on deck pages theme/static/js/mastery.js recomputes it for now, with this
browser's own reviews. Templates call `srs_mastery.of(deck.cards)`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from .progress import Progress


@dataclass(frozen=True)
class Mastery:
    mean: float
    studied: int
    total: int
    as_of: datetime | None

    @property
    def percent(self) -> int:
        return round(self.mean * 100)


class MasteryIndex:
    """Mastery of any set of cards (objects with an `id`, or ids) from one build's progress."""

    def __init__(self, progress: Progress):
        self.progress = progress
        last = [items[-1].at for items in progress.history.values() if items]
        last += [seed.last_review for seed in progress.seeds.values()]  # a schedule carried over
        self.as_of = max(last, default=None)

    def of(self, cards: Iterable) -> Mastery:
        ids = sorted({card if isinstance(card, str) else card.id for card in cards})
        states = self.progress.states
        studied = sum(1 for card_id in ids if card_id in states)
        if not ids or self.as_of is None:
            return Mastery(0.0, studied, len(ids), self.as_of)
        total = sum(self.progress.retrievability(card_id, self.as_of) for card_id in ids)
        return Mastery(total / len(ids), studied, len(ids), self.as_of)
