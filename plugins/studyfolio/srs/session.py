"""One review session over a deck: which card comes next, rating, undo and skip.

The order is the review page's (theme/static/js/review-session.js): cards due now, soonest
first; then new cards, up to what is left of the daily limit; then cards in a learning step
that fall due within LEARN_AHEAD (20 minutes; the build publishes it for the page), so a
session ends with nothing left hanging. A rating the learner takes back (undo) is never
written: the caller writes a rating only once the next one is made or the session ends."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from fsrs import Card

from .cards import StudyCard
from .log import Review
from .progress import Progress, local_day
from .scheduler import LEARN_AHEAD


@dataclass
class Step:
    """A rating made in this session, with what is needed to take it back."""

    review: Review
    previous: Card | None
    pending: list[str]


@dataclass
class Session:
    progress: Progress
    deck: list[StudyCard]
    clock: Callable[[], datetime]
    zone: tzinfo | None = None
    pending: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    forced: str | None = None
    shown_at: datetime | None = None

    def __post_init__(self) -> None:
        now = self.now()
        self.by_id = {card.id: card for card in self.deck}
        due = self.progress.due(self.deck, now)
        unseen = self.progress.unseen(self.deck)[: self.progress.new_left_today(now, self.zone)]
        self.pending = [card.id for card in due] + [card.id for card in unseen]

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    def current(self) -> StudyCard | None:
        """The card to show now, or None when the session is over."""
        if self.forced in self.pending:
            return self.by_id[self.forced]
        now = self.now()
        states = self.progress.states
        studied = sorted((states[c].due, c) for c in self.pending if c in states)
        due_now = [card_id for due, card_id in studied if due <= now]
        if due_now:
            return self.by_id[due_now[0]]
        new = [card_id for card_id in self.pending if card_id not in states]
        if new:
            return self.by_id[new[0]]
        ahead = [card_id for due, card_id in studied if due <= now + LEARN_AHEAD]
        return self.by_id[ahead[0]] if ahead else None

    def rate(self, card: StudyCard, rating: int) -> Review:
        """Record `rating` for `card` now; the card stays in the session while it is learning."""
        now = self.now()
        took = int((now - self.shown_at).total_seconds() * 1000) if self.shown_at else 0
        previous = self.progress.state(card.id)
        if previous is not None and previous.last_review is not None and now <= previous.last_review:
            now = previous.last_review + timedelta(seconds=1)  # one card, one review per instant
        review = Review(card.id, now, rating, max(0, took))
        self.steps.append(Step(review, previous, list(self.pending)))
        after = self.progress.record(review)
        if after.due - now >= timedelta(days=1):
            self.pending.remove(card.id)
        self.forced = None
        return review

    def undo(self) -> Review | None:
        """Take back the last rating of this session; its card is shown again."""
        if not self.steps:
            return None
        step = self.steps.pop()
        self.progress.forget_last(step.review, step.previous)
        self.pending = step.pending
        self.forced = step.review.card
        return step.review

    def skip(self, card: StudyCard) -> None:
        """Put `card` aside for the rest of this session, unrated."""
        if card.id in self.pending:
            self.pending.remove(card.id)
            self.skipped.append(card.id)
        self.forced = None

    def counts(self) -> tuple[int, int, int]:
        """(due now, new left, reviews done today) in this deck."""
        now = self.now()
        states = self.progress.states
        due = sum(1 for c in self.pending if c in states and states[c].due <= now)
        new = sum(1 for c in self.pending if c not in states)
        today = local_day(now, self.zone)
        done = sum(
            1
            for card in self.deck
            for review in self.progress.history.get(card.id, ())
            if local_day(review.at, self.zone) == today
        )
        return due, new, done

    def ratings(self) -> Counter:
        return Counter(step.review.rating for step in self.steps)

    def next_due(self) -> datetime | None:
        """When the next card of this deck falls due after the session."""
        dues = [self.progress.states[c.id].due for c in self.deck if c.id in self.progress.states]
        return min(dues) if dues else None
