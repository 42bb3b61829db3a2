"""The note metadata Studyfolio adds to Pelican's: Level, Audience, Topics, Video, reading time."""

from __future__ import annotations

import math

from .diagnostics import did_you_mean
from .source import NoteSource
from .video import is_web_address

LEVELS = ("Beginner", "Intermediate", "Advanced")
WORDS_PER_MINUTE = 200


def split_list(value) -> list[str]:
    """`a, b , c` (or Pelican's list for repeated keys) as ['a', 'b', 'c']."""
    parts = value if isinstance(value, list) else [value]
    return [item.strip() for part in parts for item in str(part).split(",") if item.strip()]


def reading_minutes(note: NoteSource) -> int:
    """Minutes to read a note at 200 words a minute, at least one. Counted on the Markdown
    source after its metadata header: close to the rendered text and much cheaper."""
    words = sum(len(line.split()) for _, line in note.map.body_lines())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def check_metadata(note: NoteSource, metadata: dict) -> None:
    """Type the learner's metadata in place and report values the theme could not show."""
    if "level" in metadata:
        given = str(metadata["level"]).strip()
        level = next((name for name in LEVELS if name.lower() == given.lower()), None)
        if level is None:
            hint = did_you_mean(given.capitalize(), LEVELS) or "use one of " + ", ".join(LEVELS)
            note.error(note.line_of("Level:"), f"unknown Level '{given}'", hint)
            del metadata["level"]
        else:
            metadata["level"] = level
    if "topics" in metadata:
        metadata["topics"] = split_list(metadata["topics"])
    if "video" in metadata:
        video = str(metadata["video"]).strip()
        if not is_web_address(video):
            note.error(
                note.line_of("Video:"),
                f"Video must be a web address, got '{video}'",
                "write the full URL, e.g. https://www.youtube.com/watch?v=VIDEO_ID",
            )
            del metadata["video"]
    metadata["reading_time"] = reading_minutes(note)


# Keys a learner may repeat: their values add up, as if written on one line with commas.
LIST_KEYS = ("tags", "topics", "authors")
EARLIEST_YEAR, LATEST_YEAR = 1900, 2099
DATE_HINT = "write it as YYYY-MM-DD, e.g. Date: 2026-03-14 (a time may follow: 2026-03-14 09:30)"
def one_value_each(note: NoteSource, meta: dict[str, list[str]],
                   formatted=()) -> dict[str, list[str]]:
    """The Meta extension's values, with each key that takes one value given once: a repeated
    `Title:` is reported at its second line and the first is kept (Pelican would make it a
    list that no page can show). Repeated list keys are joined; `formatted` keys (Summary:,
    whose lines are one Markdown text) are kept as they are."""
    lines = note.map.metadata.keys
    result = {}
    for key, values in meta.items():
        if len(values) < 2 or key in formatted:
            result[key] = values
        elif key in LIST_KEYS:
            result[key] = [", ".join(values)]
        else:
            where = lines.get(key, [1, 1])
            note.error(where[1] if len(where) > 1 else where[0],
                       f"{key.capitalize()}: is given {len(values)} times; the first is used",
                       f"keep one {key.capitalize()}: line (line {where[0]})")
            result[key] = values[:1]
    return result


def date_problem(key: str, value, written: str) -> str:
    """Why a parsed Date:/Modified: value cannot be used, or ''."""
    year = getattr(value, "year", None) if key in ("date", "modified") else None
    if year is not None and not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return (f"{key.capitalize()}: '{written.strip()}' is out of range "
                f"(a note is dated from {EARLIEST_YEAR} to {LATEST_YEAR})")
    return ""
