"""What the review page needs for its first card, published next to it: `review/index.json`
(every card's deck fields and its FSRS state as of the published log) and `review/cards-N.json`
(the cards' question and answer HTML, CHUNK cards a file, in the same order).

The build already replays content/reviews.jsonl with the `fsrs` package, so the browser does not
have to replay 50,000 reviews before it can show a card: it starts from these states and replays
only its own reviews on top (reviews.json and cards.json still load, after the first card)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from fsrs import Card

from .scheduler import SchedulerConfig

INDEX_FORMAT = "studyfolio-review-index"
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


def review_files(cards: list[dict], states: Mapping[str, Card], config: SchedulerConfig) -> dict[str, str]:
    """The published files by output path, for `cards` (cards.json entries, in deck order) and
    `states` (each reviewed card's state after the published log, from the `fsrs` package)."""
    notes: dict[str, int] = {}
    note_rows, rows = [], []
    for card in cards:
        note = card.get("note") or {}
        slug = note.get("slug", "")
        if slug not in notes:
            notes[slug] = len(note_rows)
            note_rows.append([slug, note.get("title") or slug, note.get("url") or ""])
        state = states.get(card["id"])
        rows.append([
            card["id"],
            notes[slug],
            card.get("level"),
            list(card.get("tags") or ()),
            card.get("video_url"),
            None if state is None or state.last_review is None else state_row(state),
        ])
    index = {
        "format": INDEX_FORMAT,
        "version": INDEX_VERSION,
        "scheduler": config.to_json(),
        "chunk": CHUNK,
        "notes": note_rows,
        "cards": rows,
    }
    files = {INDEX_SAVE_AS: compact(index)}
    for number, start in enumerate(range(0, max(len(cards), 1), CHUNK)):  # cards-0.json always exists
        part = [[card.get("question", ""), card.get("answer", "")] for card in cards[start:start + CHUNK]]
        files[CHUNK_SAVE_AS.format(number)] = compact({"first": start, "cards": part})
    return files
