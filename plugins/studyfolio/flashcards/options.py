"""The card block's options as data: each has a small validator that raises ValueError naming
the bad value and what was expected (the habit of pymdown-extensions' blocks)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..core.video import parse_timestamp
from .ids import check_explicit_id

LEVELS = ("easy", "medium", "hard")


@dataclass(frozen=True)
class Timestamp:
    """An `at` option: the text the learner wrote and the second it points to."""

    text: str
    seconds: int


def check_level(value) -> str:
    level = _text(value, "level").lower()
    if level not in LEVELS:
        raise ValueError(f"bad level '{value}': expected easy, medium or hard")
    return level


def check_at(value) -> Timestamp:
    text = _text(value, "at")
    return Timestamp(text, parse_timestamp(text))


def check_id(value) -> str:
    return check_explicit_id(_text(value, "id"))


def check_tags(value) -> tuple[str, ...]:
    """`tags: a, b` or a YAML list, as in a note's Tags: (slugs are made later)."""
    items = value if isinstance(value, list) else str(value).split(",")
    tags = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise ValueError(f"bad tags '{value}': expected tags separated by commas")
        tags.append(item.strip())
    return tuple(tags)


def _text(value, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"option '{name}' needs a value, got '{value}'")
    return value.strip()


OPTIONS: dict[str, Callable] = {
    "level": check_level,
    "at": check_at,
    "id": check_id,
    "tags": check_tags,
}
