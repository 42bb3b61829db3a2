"""The study heatmap: reviews and published notes per day over the last year, as an SVG grid.

It ends at the last day with any activity (not the build's date), so the same sources give
the same page."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from .stats import streaks

WEEKS = 53
CELL = 11  # pixels: a 9px square and a 2px gap
LEFT = 28  # room for weekday labels
TOP = 16  # room for month labels


@dataclass(frozen=True)
class Day:
    day: date
    reviews: int
    notes: tuple[str, ...]
    level: int  # 0 (none) to 4 (the busiest days)
    x: int
    y: int

    @property
    def label(self) -> str:
        parts = [f"{self.reviews} review{'s' if self.reviews != 1 else ''}"]
        if self.notes:
            parts.append(("note: " if len(self.notes) == 1 else "notes: ") + "; ".join(self.notes))
        return f"{self.day:%a %-d %b %Y}: " + ", ".join(parts)


@dataclass(frozen=True)
class Heatmap:
    days: tuple[Day, ...]
    months: tuple[tuple[int, str], ...]  # (x, "Oct")
    weekdays: tuple[tuple[int, str], ...]  # (y, "Mon")
    width: int
    height: int
    reviews: int
    review_days: int
    notes: int
    streak: int
    longest: int
    first: date
    last: date

    @property
    def summary(self) -> str:
        return (
            f"{self.reviews} reviews on {self.review_days} days and {self.notes} notes published"
            f" between {self.first:%-d %B %Y} and {self.last:%-d %B %Y}"
        )


def level_of(count: int, busiest: int) -> int:
    if count <= 0 or busiest <= 0:
        return 0
    return min(4, math.ceil(4 * count / busiest))


def build_heatmap(reviews: Counter, notes: dict[date, list[str]], weeks: int = WEEKS) -> Heatmap | None:
    """`reviews` counts reviews per local day; `notes` lists note titles per publication day."""
    active = [d for d, n in reviews.items() if n > 0] + [d for d, titles in notes.items() if titles]
    if not active:
        return None
    last = max(active)
    start = last - timedelta(days=last.weekday()) - timedelta(weeks=weeks - 1)
    shown = [start + timedelta(days=i) for i in range((last - start).days + 1)]
    busiest = max((reviews.get(d, 0) for d in shown), default=0)
    days, months, seen_month = [], [], None
    for index, day in enumerate(shown):
        week, weekday = divmod(index, 7)
        x, y = LEFT + week * CELL, TOP + weekday * CELL
        count = reviews.get(day, 0)
        titles = tuple(sorted(notes.get(day, ())))
        days.append(Day(day, count, titles, level_of(count, busiest), x, y))
        if day.day <= 7 and weekday == 0 and (day.year, day.month) != seen_month and week < weeks - 1:
            months.append((x, f"{day:%b}"))
            seen_month = (day.year, day.month)
    current, longest = streaks({d for d, n in reviews.items() if n > 0}, last)
    return Heatmap(
        days=tuple(days),
        months=tuple(months),
        weekdays=((TOP + 0 * CELL, "Mon"), (TOP + 2 * CELL, "Wed"), (TOP + 4 * CELL, "Fri")),
        width=LEFT + weeks * CELL,
        height=TOP + 7 * CELL,
        reviews=sum(d.reviews for d in days),
        review_days=sum(1 for d in days if d.reviews),
        notes=sum(len(d.notes) for d in days),
        streak=current,
        longest=longest,
        first=shown[0],
        last=last,
    )
