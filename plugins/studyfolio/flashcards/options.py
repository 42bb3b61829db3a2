"""The card block's options: the contract as data (each option has a small validator that
raises ValueError naming the bad value and what was expected, the habit of pymdown-extensions'
blocks), and the reader of the indented option lines under `/// card`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from ..core.diagnostics import did_you_mean
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

OPTION_HINTS = {
    "level": "write level: easy, level: medium or level: hard",
    "at": 'write the time into the note\'s Video: as at: "04:14" (or "1:02:03")',
    "id": "an id is a word such as chain-rule; it must stay the same once you review the card",
    "tags": "write tags: a, b",
}

# BaseLoader keeps every value a string (YAML 1.1 would read 4:14 as the number 254);
# the C version, when PyYAML has it, is ten times faster.
OPTIONS_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

SIMPLE_OPTION = re.compile(
    r"(?P<key>[A-Za-z_][\w-]*):[ \t]+(?:\"(?P<dq>[^\"\\]*)\"|'(?P<sq>[^']*)'"
    r"|(?![-?:](?:\s|$))(?P<plain>[^\s\[\]{}\"'&*!|>%@`#,][^#]*?))[ \t]*"
)


def simple_options(text: str) -> dict | None:
    """`key: value` lines with plain or simply quoted values, read without YAML (a card's
    options nearly always look like this); None when a line needs the YAML parser."""
    found = {}
    for line in text.splitlines():
        match = SIMPLE_OPTION.fullmatch(line)
        if match is None or ": " in (match.group("plain") or ""):
            return None
        value = match.group("dq")
        if value is None:
            value = match.group("sq") if match.group("sq") is not None else match.group("plain")
        found[match.group("key")] = value
    return found


def read_options(lines: list[str], indexes: list[int], note) -> tuple[dict, dict]:
    """(checked options, the line of each) for the option lines at `indexes`."""
    if not indexes:
        return {}, {}
    text = "\n".join(lines[i].expandtabs(4)[4:] for i in indexes)
    first = indexes[0] + 1
    try:
        raw = simple_options(text)
        if raw is None:
            raw = yaml.load(text, Loader=OPTIONS_LOADER)  # a BaseLoader: builds no objects
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first + (mark.line if mark else 0)
        problem = getattr(error, "problem", None) or "unreadable"
        note.error(line, f"card options are not valid YAML: {problem}",
                   "write one option a line, as key: value, indented 4 spaces under /// card")
        return {}, {}
    if not isinstance(raw, dict):
        note.error(first, "card options must be key: value lines",
                   "options go right under /// card, indented 4 spaces; leave a blank line"
                   " before an indented code block in the answer")
        return {}, {}
    options, where = {}, {}
    for key, value in raw.items():
        line = next((i + 1 for i in indexes if lines[i].strip().startswith(f"{key}:")), first)
        check = OPTIONS.get(key)
        if check is None:
            hint = did_you_mean(key, OPTIONS) or "card options are " + ", ".join(sorted(OPTIONS))
            note.error(line, f"unknown card option '{key}'", hint)
            continue
        try:
            options[key] = check(value)
            where[key] = line
        except ValueError as error:
            note.error(line, str(error), OPTION_HINTS[key])
    return options, where
