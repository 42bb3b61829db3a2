"""cards.json: every card of the site for the browser and other tools; and its reader."""

from __future__ import annotations

import json
from pathlib import Path

from ..core.atomic import write_if_changed
from .model import Card

FORMAT = "studyfolio-cards"
VERSION = 1


class CardsFormatError(ValueError):
    """A cards.json this version cannot read (another format, or a newer version)."""


def cards_json_text(cards: list[Card]) -> str:
    """The document with one card a line: readable in a diff, and fast (the C encoder)."""
    head = json.dumps({"format": FORMAT, "version": VERSION}, ensure_ascii=False)[:-1]
    lines = [json.dumps(card.to_json(), ensure_ascii=False) for card in cards]
    body = "\n" + ",\n".join(lines) + "\n" if lines else ""
    return f'{head}, "cards": [{body}]}}\n'


def write_cards_json(cards: list[Card], path: Path) -> None:
    write_if_changed(str(path), cards_json_text(cards))  # served while it is written: whole or old


def read_cards_json(path) -> list[dict]:
    """The cards of a built site's cards.json; CardsFormatError when it is not one we can read."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CardsFormatError(f"{path}: not a {FORMAT} file")
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise CardsFormatError(
            f"{path}: {FORMAT} version {version} is newer than this Studyfolio reads ({VERSION})"
        )
    cards = data.get("cards")
    if not isinstance(cards, list):
        raise CardsFormatError(f"{path}: 'cards' must be a list")
    return cards
