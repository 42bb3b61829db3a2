"""`studyfolio reviews stats`: due today and this week, retention, streak, from the repo log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from fsrs import State

from .progress import Progress, end_of_day, local_day

RETENTION_DAYS = 30


@dataclass(frozen=True)
class Stats:
    cards: int
    studied: int
    due_today: int
    due_week: int
    reviews: int
    reviews_week: int
    retention: float | None
    retention_reviews: int
    streak: int
    longest_streak: int


def streaks(days: set[date], today: date) -> tuple[int, int]:
    """(current streak, longest streak) in days; the current one may end yesterday."""
    longest = run = 0
    previous = None
    for day in sorted(days):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    current = 0
    day = today if today in days else today - timedelta(days=1)
    while day in days:
        current += 1
        day -= timedelta(days=1)
    return current, longest


def compute(progress: Progress, now: datetime, zone: tzinfo | None = None) -> Stats:
    today = local_day(now, zone)
    card_ids = progress.card_ids
    studied = [c for c in progress.cards if c.id in progress.states]
    reviews = [r for r in progress.reviews() if r.card in card_ids]
    week_start = now - timedelta(days=7)
    since = now - timedelta(days=RETENTION_DAYS)
    # Retention as FSRS means it: of reviews of cards in review (not first sight, not a
    # learning step), how many were recalled (rated Hard or better).
    mature = [r for r in reviews if r.at >= since and progress.state_before.get(r.key) == State.Review]
    recalled = sum(1 for r in mature if r.rating > 1)
    current, longest = streaks({local_day(r.at, zone) for r in reviews}, today)
    return Stats(
        cards=len(progress.cards),
        studied=len(studied),
        due_today=len(progress.due(progress.cards, end_of_day(today, zone))),
        due_week=len(progress.due(progress.cards, end_of_day(today + timedelta(days=6), zone))),
        reviews=len(reviews),
        reviews_week=sum(1 for r in reviews if r.at > week_start),
        retention=recalled / len(mature) if mature else None,
        retention_reviews=len(mature),
        streak=current,
        longest_streak=longest,
    )


def render(stats: Stats, desired: float) -> str:
    new = stats.cards - stats.studied
    if stats.retention is None:
        retention = f"no reviews of cards in review in the last {RETENTION_DAYS} days yet"
    else:
        retention = (
            f"{stats.retention:.0%} of {stats.retention_reviews} reviews of cards in review,"
            f" last {RETENTION_DAYS} days (target {desired:.0%})"
        )
    days = "day" if stats.streak == 1 else "days"
    return "\n".join(
        [
            f"Cards:      {stats.cards} ({stats.studied} studied, {new} new)",
            f"Due:        {stats.due_today} today, {stats.due_week} this week (next 7 days)",
            f"Reviews:    {stats.reviews} in all, {stats.reviews_week} in the last 7 days",
            f"Retention:  {retention}",
            f"Streak:     {stats.streak} {days} (longest {stats.longest_streak})",
        ]
    )
