"""Where the learner stands: every card's FSRS state, rebuilt by replaying the review log.

Used by the build (mastery, orphans), the terminal review and `studyfolio reviews stats`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from fsrs import Card, Rating, Scheduler, State

from .cards import StudyCard
from .log import Review
from .scheduler import SchedulerConfig, new_card
from .seed import Seed


@dataclass
class Progress:
    """Cards, their reviews by card (time order) and their states after those reviews."""

    config: SchedulerConfig
    cards: list[StudyCard]
    scheduler: Scheduler
    history: dict[str, list[Review]] = field(default_factory=dict)
    states: dict[str, Card] = field(default_factory=dict)
    # for each review, the state its card was in just before it (for retention)
    state_before: dict[tuple[str, datetime], State | None] = field(default_factory=dict)
    seeds: dict[str, Seed] = field(default_factory=dict)

    @classmethod
    def build(cls, cards: list[StudyCard], reviews: Iterable[Review], config: SchedulerConfig,
              seeds: dict[str, Seed] | None = None) -> Progress:
        """Every card's state: its reviews replayed; a card with a seed (a schedule carried over
        from another tool, srs/seed.py) starts from it, and only its reviews after the seed's
        last review are replayed on top."""
        progress = cls(config=config, cards=list(cards), scheduler=config.scheduler(), seeds=dict(seeds or {}))
        by_card: dict[str, list[Review]] = defaultdict(list)
        for review in reviews:
            by_card[review.card].append(review)
        for card_id in sorted(set(by_card) | set(seeds or {})):
            items = sorted(by_card.get(card_id, []), key=lambda r: r.at)
            if items:
                progress.history[card_id] = items
            state = new_card()
            seed = (seeds or {}).get(card_id)
            if seed is not None:
                state = seed.start(progress.scheduler.parameters)
                items = [review for review in items if review.at > seed.last_review]
            for review in items:
                progress.state_before[review.key] = None if state.last_review is None else state.state
                state, _ = progress.scheduler.review_card(state, Rating(review.rating), review.at)
            progress.states[card_id] = state
        return progress

    def seed_states(self) -> dict[str, list]:
        """Each seeded card's starting state, for reviews.json: [last review ms, due ms,
        stability, difficulty] (the browser replays its history from there, as the build does)."""
        found = {}
        for card_id, seed in sorted(self.seeds.items()):
            start = seed.start(self.scheduler.parameters)
            found[card_id] = [int(start.last_review.timestamp() * 1000), int(start.due.timestamp() * 1000),
                              start.stability, start.difficulty]
        return found

    @property
    def card_ids(self) -> set[str]:
        return {card.id for card in self.cards}

    def state(self, card_id: str) -> Card | None:
        return self.states.get(card_id)

    def record(self, review: Review) -> Card:
        """Add a review made now (the terminal session) and return the card's new state."""
        before = self.states.get(review.card) or new_card()
        self.state_before[review.key] = None if before.last_review is None else before.state
        after, _ = self.scheduler.review_card(before, Rating(review.rating), review.at)
        self.history.setdefault(review.card, []).append(review)
        self.states[review.card] = after
        return after

    def forget_last(self, review: Review, previous: Card | None) -> None:
        """Undo `record(review)`: `previous` is the state before it (None for a new card)."""
        self.history[review.card].remove(review)
        if not self.history[review.card]:
            del self.history[review.card]
        self.state_before.pop(review.key, None)
        if previous is None:
            self.states.pop(review.card, None)
        else:
            self.states[review.card] = previous

    def retrievability(self, card_id: str, now: datetime) -> float:
        state = self.states.get(card_id)
        return 0.0 if state is None else float(self.scheduler.get_card_retrievability(state, now))

    def mastery(self, cards: Iterable[StudyCard], now: datetime) -> float | None:
        """Mean retrievability of `cards` at `now` (cards never reviewed count 0); None if empty."""
        values = [self.retrievability(card.id, now) for card in cards]
        return sum(values) / len(values) if values else None

    def due(self, cards: Iterable[StudyCard], until: datetime) -> list[StudyCard]:
        """Studied cards due at or before `until`, soonest first."""
        found = [c for c in cards if c.id in self.states and self.states[c.id].due <= until]
        return sorted(found, key=lambda c: (self.states[c.id].due, c.id))

    def unseen(self, cards: Iterable[StudyCard]) -> list[StudyCard]:
        return [card for card in cards if card.id not in self.states]

    def reviews(self) -> list[Review]:
        return sorted((r for items in self.history.values() for r in items), key=lambda r: (r.at, r.card))

    def introduced_on(self, day: date, zone: tzinfo | None) -> int:
        """How many cards had their first review on local `day`."""
        return sum(1 for items in self.history.values() if local_day(items[0].at, zone) == day)

    def new_left_today(self, now: datetime, zone: tzinfo | None) -> int:
        return max(0, self.config.new_per_day - self.introduced_on(local_day(now, zone), zone))


def local_day(at: datetime, zone: tzinfo | None) -> date:
    """The calendar day of `at` where the learner is (`zone`; None is the machine's zone)."""
    return at.astimezone(zone).date()


def end_of_day(day: date, zone: tzinfo | None) -> datetime:
    """The last instant of local `day`."""
    midnight = datetime(day.year, day.month, day.day)
    start = midnight.astimezone() if zone is None else midnight.replace(tzinfo=zone)
    return start + timedelta(days=1) - timedelta(microseconds=1)
