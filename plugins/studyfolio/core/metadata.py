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


def reading_minutes(source_text: str) -> int:
    """Minutes to read a note at 200 words a minute, at least one. Counted on the Markdown
    source after its metadata header: close to the rendered text and much cheaper."""
    _, blank, body = source_text.partition("\n\n")
    return max(1, math.ceil(len((body if blank else source_text).split()) / WORDS_PER_MINUTE))


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
    metadata["reading_time"] = reading_minutes(note.text)
