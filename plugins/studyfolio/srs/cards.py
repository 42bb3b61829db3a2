"""The cards review works on: read from the articles' HTML during a build, or from the
cards.json of the last build for the terminal. A card is `<details class="card"
data-card-id=... data-note=... data-level=... data-tags="a b">` in an article's content."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass

from lxml import html as lxml_html

GENERATED_ID = re.compile(r"^(?P<slug>.+)-[0-9a-f]{6,}(?:-c\d+)?$")


@dataclass(frozen=True)
class StudyCard:
    """What scheduling, decks and the terminal need to know about one card."""

    id: str
    note: str
    note_title: str = ""
    note_url: str = ""
    question: str = ""
    answer: str = ""
    level: str | None = None
    tags: tuple[str, ...] = ()
    video_url: str | None = None

    def in_deck(self, note: str | None = None, tag: str | None = None, level: str | None = None) -> bool:
        return (
            (note is None or self.note == note)
            and (tag is None or tag in self.tags)
            and (level is None or self.level == level)
        )


def cards_in_html(content: str, note: str = "", note_title: str = "", note_url: str = "") -> list[StudyCard]:
    """The cards in one article's HTML, in page order."""
    if not content or "card" not in content:
        return []
    root = lxml_html.fragment_fromstring(content, create_parent="div")
    found = []
    for element in root.xpath('.//details[contains(concat(" ", @class, " "), " card ")][@data-card-id]'):
        found.append(
            StudyCard(
                id=element.get("data-card-id"),
                note=element.get("data-note") or note,
                note_title=note_title,
                note_url=note_url,
                level=element.get("data-level") or None,
                tags=tuple(sorted(set((element.get("data-tags") or "").split()))),
            )
        )
    return found


def cards_of_articles(articles) -> list[StudyCard]:
    """Every card of the published articles, in article then page order.

    Reads `_content`: Pelican memoizes `content` with its links resolved, and static files are
    not known yet while the generators build their context."""
    cards = []
    for article in articles:
        cards.extend(cards_in_html(article._content, article.slug, article.title, article.url))
    return cards


class CardsFileError(ValueError):
    """cards.json is missing or unreadable; the message says what to run."""


def load_cards_json(path: str) -> list[StudyCard]:
    """The cards of the last build, from `path` (output/cards.json), read by the flashcards plugin."""
    from ..flashcards.export import CardsFormatError, read_cards_json

    if not os.path.exists(path):
        raise CardsFileError(
            f"{path} not found: this command reads the cards of the last build;"
            " run `make html` first (or give the output folder with --site)"
        )
    try:
        items = read_cards_json(path)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CardsFileError(f"{path} is unreadable ({error}): rebuild with `make html`") from None
    except CardsFormatError as error:
        raise CardsFileError(f"{error}: rebuild with `make html`") from None
    cards = []
    for item in items:
        note = item.get("note") or {}
        cards.append(
            StudyCard(
                id=item["id"],
                note=note.get("slug", ""),
                note_title=note.get("title", ""),
                note_url=note.get("url", ""),
                question=item.get("question", ""),
                answer=item.get("answer", ""),
                level=item.get("level"),
                tags=tuple(item.get("tags") or ()),
                video_url=item.get("video_url"),
            )
        )
    return cards


def note_of_card_id(card_id: str, slugs: list[str]) -> tuple[str | None, bool]:
    """(slug of the note a card id came from, whether that note still exists).

    Generated ids start with the note slug; the longest matching slug of the site wins, else a
    slug is read off the id's shape (`<slug>-<hash>`). (None, False) for an explicit id."""
    matches = [s for s in slugs if card_id == s or card_id.startswith((s + "-", s + "/", s + ":"))]
    if matches:
        return max(matches, key=len), True
    shape = GENERATED_ID.match(card_id)
    if shape:
        return shape.group("slug"), False
    return None, False
