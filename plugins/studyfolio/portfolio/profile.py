"""The learning profile's figures, computed from the published notes and the review log.

Nothing is estimated: notes per month from their dates, cards from the notes, reviews and
retention from content/reviews.jsonl. Time windows end at the last day with a review (not
the build's date), so the same sources always give the same page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ..roadmaps.progress import Count
from ..srs.stats import RETENTION_DAYS, compute

LATEST_NOTES = 5
CHART_HEIGHT = 150
CHART_WIDTH = 560  # bars share this width: wide for a few months, never under 24 px
BAR_GAP = 8
CHART_TOP, CHART_BOTTOM = 18, 22  # room for the value above a bar and the month below


@dataclass(frozen=True)
class Bar:
    label: str  # "Oct 2026"
    short: str  # "Oct"
    value: int
    x: int
    y: int
    height: int


@dataclass(frozen=True)
class MonthChart:
    bars: tuple[Bar, ...]
    bar_width: int
    width: int
    height: int

    @property
    def busiest(self) -> Bar | None:
        return max(self.bars, key=lambda bar: bar.value, default=None)


@dataclass(frozen=True)
class AreaRow:
    name: str
    url: str
    notes: int
    cards: int
    reviewed: int
    topics: tuple[str, ...]


@dataclass(frozen=True)
class RoadmapRow:
    title: str
    url: str
    covered: Count  # topics with notes, of all the roadmap's topics


@dataclass
class LearningProfile:
    notes: int
    first: date | None
    last: date | None
    months: MonthChart
    areas: list[AreaRow]
    roadmaps: list[RoadmapRow]
    cards: int
    cards_reviewed: int
    reviews: int
    retention: float | None
    retention_reviews: int
    last_review: date | None
    latest: list = field(default_factory=list)
    resources: list[tuple[object, int]] = field(default_factory=list)

    @property
    def retention_percent(self) -> int | None:
        return None if self.retention is None else round(100 * self.retention)


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def month_chart(days: list[date]) -> MonthChart:
    """Notes per month from the first note's month to the last's, empty months included."""
    if not days:
        return MonthChart((), 0, 0, 0)
    counts = Counter(month_start(d) for d in days)
    month, end = min(counts), max(counts)
    busiest = max(counts.values())
    months = (end.year - month.year) * 12 + end.month - month.month + 1
    width = max(24, min(64, (CHART_WIDTH + BAR_GAP) // months - BAR_GAP))
    bars = []
    index = 0
    while month <= end:
        value = counts.get(month, 0)
        height = round((CHART_HEIGHT - CHART_TOP - CHART_BOTTOM) * value / busiest)
        x = index * (width + BAR_GAP)
        bars.append(Bar(f"{month:%B %Y}", f"{month:%b}", value, x, CHART_HEIGHT - CHART_BOTTOM - height, height))
        month, index = next_month(month), index + 1
    return MonthChart(tuple(bars), width, index * (width + BAR_GAP) - BAR_GAP, CHART_HEIGHT)


def card_ids(article) -> list[str]:
    return [card.id for card in getattr(article, "flashcards", []) or []]


def area_rows(articles, reviewed: set[str], topic_titles: dict[str, str]) -> list[AreaRow]:
    by_area: dict[str, list] = {}
    for article in articles:
        by_area.setdefault(str(article.category), []).append(article)
    rows = []
    for name, notes in sorted(by_area.items(), key=lambda item: (-len(item[1]), item[0].lower())):
        cards = [card for note in notes for card in card_ids(note)]
        topics = sorted({topic_titles.get(t, t) for note in notes for t in getattr(note, "topics", None) or []})
        rows.append(AreaRow(name, notes[0].category.url, len(notes), len(cards),
                            sum(1 for card in cards if card in reviewed), tuple(topics)))
    return rows


def end_of(day: date, zone) -> datetime:
    return datetime.combine(day + timedelta(days=1), datetime.min.time(), zone) - timedelta(microseconds=1)


def build_profile(articles, progress, roadmap_progress, mentions, registry, zone) -> LearningProfile:
    """The profile of the published `articles`, with `progress` (srs) replayed from the log."""
    articles = sorted(articles, key=lambda a: (a.date, a.title), reverse=True)
    days = [a.date.astimezone(zone).date() for a in articles]
    written = {card for a in articles for card in card_ids(a)}
    reviews = [r for r in progress.reviews() if r.card in written] if progress else []
    reviewed = {r.card for r in reviews}
    last_review = max((r.at for r in reviews), default=None)
    retention, retention_reviews = None, 0
    if last_review is not None:
        stats = compute(progress, end_of(last_review.astimezone(zone).date(), zone), zone)
        retention, retention_reviews = stats.retention, stats.retention_reviews
    topic_titles = {t.topic.id: t.topic.title for p in roadmap_progress for s in p.stages for t in s.topics}
    cited = []
    if registry is not None and mentions is not None:
        for resource in registry.resources:
            notes = [m for m in mentions.of(resource.id) if m.kind == "note"]
            if notes:
                cited.append((resource, len(notes)))
        cited.sort(key=lambda item: (-item[1], item[0].title.lower()))
    return LearningProfile(
        notes=len(articles),
        first=min(days, default=None),
        last=max(days, default=None),
        months=month_chart(days),
        areas=area_rows(articles, reviewed, topic_titles),
        roadmaps=[RoadmapRow(p.roadmap.title, p.roadmap.url, p.covered) for p in roadmap_progress],
        cards=len(written),
        cards_reviewed=len(reviewed),
        reviews=len(reviews),
        retention=retention,
        retention_reviews=retention_reviews,
        last_review=last_review.astimezone(zone).date() if last_review else None,
        latest=articles[:LATEST_NOTES],
        resources=cited,
    )


__all__ = ["RETENTION_DAYS", "LearningProfile", "build_profile"]
