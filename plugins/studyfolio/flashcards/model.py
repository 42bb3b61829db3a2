"""A card as the site sees it after the notes are read: parsed back from the note's HTML."""

from __future__ import annotations

import functools
import html
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

KINDS = ("basic", "cloze", "reversed")


def inner_html(el) -> str:
    """The HTML inside `el` (its text and children), without `el` itself."""
    parts = [html.escape(el.text, quote=False) if el.text else ""]
    parts += [etree.tostring(child, encoding="unicode", method="html") for child in el]
    return "".join(parts).strip()


def outer_html(el) -> str:
    return etree.tostring(el, encoding="unicode", method="html", with_tail=False)


@dataclass(frozen=True)
class Card:
    """One reviewable card. `html` is its whole <details> element as the note shows it."""

    id: str
    note_slug: str
    note_title: str
    note_url: str
    question: str
    answer: str
    level: str | None
    tags: tuple[str, ...]
    video_url: str | None
    cloze: int | None
    kind: str
    position: int
    path: str
    line: int
    html: str
    # Obsidian's SR schedule of the card, `due,interval,ease` (`2026-10-01,12,250`), if any.
    schedule: str | None = None
    # Links Pelican has not resolved yet ({static}..., {filename}...): see collect.resolve_links.
    unresolved: bool = field(default=False, compare=False)

    @property
    def base_id(self) -> str:
        """The id of the card as written: a cloze card's numbers and a reversed twin share it."""
        if self.kind == "cloze" and self.cloze is not None:
            return self.id.removesuffix(f"-c{self.cloze}")
        if self.kind == "reversed":
            return self.id.removesuffix("-r")
        return self.id

    @property
    def question_unlinked(self) -> str:
        """The question's HTML with its links unwrapped, to sit inside a link of its own."""
        if "<a " not in self.question:  # not "<a": MathML's <annotation> starts that way too
            return self.question
        root = lxml_html.fragment_fromstring(self.question, create_parent="span")
        for link in list(root.iter("a")):
            link.drop_tag()
        return inner_html(root)

    @property
    def place(self) -> str:
        return f"{self.path}:{self.line}"

    def to_json(self) -> dict:
        """The card's entry in cards.json (the public format; see README)."""
        return {
            "id": self.id,
            "note": {"slug": self.note_slug, "title": self.note_title, "url": self.note_url},
            "question": self.question,
            "answer": self.answer,
            "level": self.level,
            "tags": list(self.tags),
            "video_url": self.video_url,
            "cloze": self.cloze,
            "kind": self.kind,
            **({"schedule": schedule_json(self.schedule)} if self.schedule else {}),
        }


def schedule_json(schedule: str) -> dict:
    """`2026-10-01,12,250` as cards.json holds it: {"due", "interval" (days), "ease" (2.5)}."""
    due, interval, ease = schedule.split(",")
    return {"due": due, "interval": int(interval), "ease": int(ease) / 100}


def answer_html(el) -> str:
    """The answer of a card element: its .card-answer, or (a card written as raw HTML)
    everything after the summary."""
    answer = el.find("div[@class='card-answer']")
    if answer is not None:
        return inner_html(answer)
    summary = el.find("summary")
    parts = [html.escape(summary.tail or "", quote=False)] if summary is not None else []
    parts += [etree.tostring(child, encoding="unicode", method="html")
              for child in el if child is not summary and isinstance(child.tag, str)]
    return "".join(parts).strip()


def cards_from_html(content: str, *, title: str, url: str, path: str, slug: str = "") -> list[Card]:
    """Every card element in a note's HTML, in document order. `slug` is the note's (the
    data-note attribute when not given)."""
    return list(parsed_cards(content, title, url, path, slug))


@functools.lru_cache(maxsize=4096)
def parsed_cards(content: str, title: str, url: str, path: str, slug: str) -> tuple[Card, ...]:
    """A pure function of the note's HTML and names, memoised: when `make serve` rebuilds the
    site after a save, only the notes that changed are parsed again (cards are immutable)."""
    return tuple(read_cards(content, title=title, url=url, path=path, slug=slug))


def read_cards(content: str, *, title: str, url: str, path: str, slug: str) -> list[Card]:
    if not content.strip():
        return []
    root = lxml_html.fragment_fromstring(content, create_parent="div")
    cards = []
    for position, el in enumerate(root.xpath(".//details[@data-card-id]")):
        targets = el.xpath(".//@href | .//@src")
        question = el.find("summary/span[@class='card-question']")
        if question is None:
            question = el.find("summary")
        cloze = el.get("data-cloze")
        cards.append(Card(
            id=el.get("data-card-id"),
            note_slug=slug or el.get("data-note", ""),
            note_title=title,
            note_url=url,
            question=inner_html(question) if question is not None else "",
            answer=answer_html(el),
            level=el.get("data-level") or None,
            tags=tuple(el.get("data-tags", "").split()),
            video_url=el.get("data-video-url") or None,
            cloze=int(cloze) if cloze else None,
            kind=el.get("data-kind", "basic"),
            position=position,
            path=path,
            line=int(el.get("data-line", "0") or 0),
            html=outer_html(el),
            schedule=el.get("data-sr") or None,
            unresolved=any(target.startswith(("{", "|")) for target in targets),
        ))
    return cards
