"""How far along a roadmap the learner is: notes per topic, their cards, reviews, what is next.

A topic is covered when at least one note lists it in `Topics:`. "Next up" are the topics not
yet covered whose prerequisites all are. Cards are the `<details class="card">` in a note."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import html as lxml_html

from ..srs.log import LogRead
from .model import Roadmap, Stage, Topic


def card_ids(content_html: str) -> list[str]:
    """The ids of the cards in a note's HTML, in order."""
    if not content_html or "card" not in content_html:
        return []
    tree = lxml_html.fragment_fromstring(content_html, create_parent="div")
    return [
        el.get("data-card-id", "")
        for el in tree.iter("details")
        if "card" in (el.get("class") or "").split()
    ]


@dataclass(frozen=True)
class NoteRef:
    title: str
    url: str
    cards: tuple[str, ...]


@dataclass
class Count:
    done: int = 0
    total: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass
class TopicProgress:
    topic: Topic
    notes: list[NoteRef] = field(default_factory=list)
    cards: Count = field(default_factory=Count)
    next_up: bool = False

    @property
    def covered(self) -> bool:
        return bool(self.notes)

    @property
    def status(self) -> str:
        return "covered" if self.covered else "next" if self.next_up else "open"


@dataclass
class StageProgress:
    stage: Stage
    anchor: str
    topics: list[TopicProgress]
    covered: Count
    cards: Count


@dataclass
class RoadmapProgress:
    roadmap: Roadmap
    stages: list[StageProgress]
    covered: Count
    cards: Count
    reviews_found: bool
    next_up: list[TopicProgress]

    def topic(self, topic_id: str) -> TopicProgress | None:
        return next((t for s in self.stages for t in s.topics if t.topic.id == topic_id), None)


def cards_count(notes: list[NoteRef], reviews: LogRead) -> Count:
    cards = {card for note in notes for card in note.cards}
    return Count(done=len(cards & reviews.reviewed), total=len(cards))


def measure(roadmap: Roadmap, articles, reviews: LogRead) -> RoadmapProgress:
    """Progress of `roadmap` given the published notes and the review log."""
    refs: dict[str, list[NoteRef]] = {}
    for article in sorted(articles, key=lambda a: (a.date, a.title)):
        topics = getattr(article, "topics", None) or []
        if not topics:
            continue
        ref = NoteRef(article.title, article.url, tuple(card_ids(getattr(article, "_content", ""))))
        for topic_id in topics:
            refs.setdefault(topic_id, []).append(ref)
    covered_ids = {t.id for t in roadmap.topics() if refs.get(t.id)}
    stages = []
    for index, stage in enumerate(roadmap.stages):
        views = []
        for topic in stage.topics:
            notes = refs.get(topic.id, [])
            next_up = not notes and all(p in covered_ids for p in topic.prerequisites)
            views.append(TopicProgress(topic, notes, cards_count(notes, reviews), next_up))
        stage_notes = [n for v in views for n in v.notes]
        stages.append(StageProgress(
            stage, stage.anchor(index), views,
            Count(sum(v.covered for v in views), len(views)),
            cards_count(stage_notes, reviews),
        ))
    all_views = [v for s in stages for v in s.topics]
    return RoadmapProgress(
        roadmap=roadmap,
        stages=stages,
        covered=Count(sum(v.covered for v in all_views), len(all_views)),
        cards=cards_count([n for v in all_views for n in v.notes], reviews),
        reviews_found=reviews.found,
        next_up=[v for v in all_views if v.next_up],
    )
