"""Deck mastery: the mean retrievability of a deck's cards (a card never reviewed counts 0).

At build time it is computed as of the last review in the log, so the output stays the same
for the same sources; on deck pages theme/static/js/mastery.js recomputes it for now, with the
browser's own reviews."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from .cards import StudyCard
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


def _mastery(progress: Progress, cards: list[StudyCard], as_of: datetime | None) -> Mastery:
    mean = progress.mastery(cards, as_of) if as_of else 0.0
    studied = sum(1 for card in cards if card.id in progress.states)
    return Mastery(mean or 0.0, studied, len(cards), as_of)


def deck_mastery(progress: Progress, cards: list[StudyCard]) -> dict:
    """{"all": Mastery, "notes": {slug: Mastery}, "tags": {tag: Mastery}, "levels": {...}}."""
    reviews = [r for items in progress.history.values() for r in items]
    as_of = max((r.at for r in reviews), default=None)
    notes, tags, levels = defaultdict(list), defaultdict(list), defaultdict(list)
    for card in cards:
        notes[card.note].append(card)
        for tag in card.tags:
            tags[tag].append(card)
        if card.level:
            levels[card.level].append(card)
    return {
        "as_of": as_of,
        "all": _mastery(progress, cards, as_of),
        "notes": {k: _mastery(progress, v, as_of) for k, v in sorted(notes.items())},
        "tags": {k: _mastery(progress, v, as_of) for k, v in sorted(tags.items())},
        "levels": {k: _mastery(progress, v, as_of) for k, v in sorted(levels.items())},
    }
