"""What the review page needs for its first card, published next to it: `review/cards-N.json`
(CHUNK cards a file, in deck order: each card's deck fields, its FSRS state as of the published
log, and its question and answer HTML) and `review/index.json` (every card's deck fields and
state, without HTML).

The build already replays content/reviews.jsonl with the `fsrs` package, so the browser does not
have to replay 50,000 reviews before it can show a card: it starts from these states and replays
only its own reviews on top. Most often the first due card is among the first hundred, so the
page reads cards-0.json alone before it shows a card; index.json, cards.json and reviews.json
load after it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from fsrs import Card

from .scheduler import SchedulerConfig

INDEX_FORMAT = "studyfolio-review-index"
CHUNK_FORMAT = "studyfolio-review-cards"
INDEX_VERSION = 1
INDEX_SAVE_AS = "review/index.json"
CHUNK_SAVE_AS = "review/cards-{}.json"
CHUNK = 100


def epoch_ms(at: datetime) -> int:
    """Milliseconds since the epoch, exactly (as reviews.json writes review times)."""
    return int(at.timestamp()) * 1000 + at.microsecond // 1000


def state_row(card: Card) -> list:
    """[due ms, state, step, stability, difficulty, last review ms]: fsrs.js's card fields."""
    return [
        epoch_ms(card.due),
        card.state.value,
        card.step,
        card.stability,
        card.difficulty,
        epoch_ms(card.last_review),
    ]


def compact(document) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def note_rows(cards: list[dict]) -> tuple[list[list], list[int]]:
    """The notes of `cards` ([slug, title, url], first seen first) and each card's place in them."""
    places: dict[str, int] = {}
    notes, where = [], []
    for card in cards:
        note = card.get("note") or {}
        slug = note.get("slug", "")
        if slug not in places:
            places[slug] = len(notes)
            notes.append([slug, note.get("title") or slug, note.get("url") or ""])
        where.append(places[slug])
    return notes, where


def card_rows(cards: list[dict], states: Mapping[str, Card]) -> tuple[list[list], list[list]]:
    """(notes, rows): a row is [id, place of its note, level, tags, video url, state or null]."""
    notes, where = note_rows(cards)
    rows = []
    for card, note in zip(cards, where, strict=True):
        state = states.get(card["id"])
        rows.append([
            card["id"],
            note,
            card.get("level"),
            list(card.get("tags") or ()),
            card.get("video_url"),
            None if state is None or state.last_review is None else state_row(state),
        ])
    return notes, rows


def review_files(cards: list[dict], states: Mapping[str, Card], config: SchedulerConfig) -> dict[str, str]:
    """The published files by output path, for `cards` (cards.json entries, in deck order) and
    `states` (each reviewed card's state after the published log, from the `fsrs` package)."""
    notes, rows = card_rows(cards, states)
    head = {"scheduler": config.to_json(), "chunk": CHUNK, "total": len(cards)}
    index = {"format": INDEX_FORMAT, "version": INDEX_VERSION, **head, "notes": notes, "cards": rows}
    files = {INDEX_SAVE_AS: compact(index)}
    for number, start in enumerate(range(0, max(len(cards), 1), CHUNK)):  # cards-0.json always exists
        part = cards[start:start + CHUNK]
        part_notes, part_rows = card_rows(part, states)
        files[CHUNK_SAVE_AS.format(number)] = compact({
            "format": CHUNK_FORMAT,
            "version": INDEX_VERSION,
            **head,
            "first": start,
            "notes": part_notes,
            "cards": part_rows,
            "html": [[card.get("question", ""), card.get("answer", "")] for card in part],
        })
    return files
