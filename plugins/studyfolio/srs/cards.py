"""The cards review works on: the flashcards plugin's cards during a build, or the cards.json
of the last build for the terminal."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass

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
    schedule: dict | None = None  # from Obsidian's SR comment: {"due", "interval", "ease"}

    def in_deck(self, note: str | None = None, tag: str | None = None, level: str | None = None) -> bool:
        return (
            (note is None or self.note == note)
            and (tag is None or tag in self.tags)
            and (level is None or self.level == level)
        )


def schedule_json(schedule: str) -> dict:
    from ..flashcards.model import schedule_json as from_card

    return from_card(schedule)


def study_cards(cards) -> list[StudyCard]:
    """The site's cards as review sees them, from the flashcards plugin's cards (read once per
    build from the notes' HTML, in note then page order)."""
    return [
        StudyCard(
            id=card.id,
            note=card.note_slug,
            note_title=card.note_title,
            note_url=card.note_url,
            level=card.level,
            tags=tuple(sorted(set(card.tags))),
            schedule=schedule_json(card.schedule) if card.schedule else None,
        )
        for card in cards
    ]


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
                schedule=item.get("schedule"),
            )
        )
    return cards


def seeds_of(cards: list[StudyCard]) -> dict:
    """The FSRS seed of each card Obsidian's SR plugin had scheduled (srs/seed.py)."""
    from .seed import seed_of

    return {card.id: seed_of(card.id, card.schedule["due"], card.schedule["interval"],
                             round(card.schedule["ease"] * 100))
            for card in cards if card.schedule}


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
