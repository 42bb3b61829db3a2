"""Read the note's source before Markdown does: find every card, check its options at their
exact lines, and hand the card block a token instead of raw options.

pymdown-extensions leaves a block whose options fail validation as literal text; checking them
here turns every mistake into a reported error with its line, and the card still renders."""

from __future__ import annotations

import re

import yaml
from markdown.preprocessors import Preprocessor

from ..core.diagnostics import did_you_mean
from ..core.source import note_of
from .inline import InlineCards
from .options import OPTIONS
from .spec import CardState

HEADER = re.compile(r"^( {0,3})(/{3,})[ ]*([\w-]+)[ ]*(?:\|[ ]*(.*?)[ ]*)?$")
CLOSER = re.compile(r"^ {0,3}(/{3,})[ ]*$")
ANY_CARD_HEADER = re.compile(r"^\s*/{3,}\s*card\b")
FENCE_OPEN = re.compile(r"^(~{3,}|`{3,})[ ]*(\{[^\n]*\}|\.?[\w#.+-]*[ ]*(hl_lines=(\"|').*?\4[ ]*)?)$")
META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE = re.compile(r"^[ ]{4,}")
INLINE_VALUES = {"inline": True, "blocks": False}
# BaseLoader keeps every value a string (YAML 1.1 would read 4:14 as the number 254);
# the C version, when PyYAML has it, is ten times faster.
OPTIONS_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

OPTION_HINTS = {
    "level": "write level: easy, level: medium or level: hard",
    "at": 'write the time into the note\'s Video: as at: "04:14" (or "1:02:03")',
    "id": "an id is a word such as chain-rule; it must stay the same once you review the card",
    "tags": "write tags: a, b",
}


def meta_header_end(lines: list[str]) -> int:
    """Index of the first line after the metadata header (the meta extension's rules)."""
    index = 0
    for index, line in enumerate(lines):
        if not line.strip():
            return index
        if not (META_LINE.match(line) or (index and META_MORE.match(line))):
            return index
    return len(lines)


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


def option_line(line: str) -> bool:
    expanded = line.expandtabs(4)
    return expanded.startswith("    ") and bool(expanded.strip())


class CardScanner(Preprocessor):
    """Rewrites `/// card | question` + option lines into `/// card | <token>`; records a CardSpec.

    Runs first, on the file's own lines, so line numbers are the learner's. Fenced code is
    skipped; inline cards (when enabled) become card blocks here too."""

    def __init__(self, md, state: CardState):
        super().__init__(md)
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        note = note_of(self.md)
        names = self.block_names()
        start = meta_header_end(lines)
        inline = InlineCards(self.state) if self.inline_enabled(lines[:start], note) else None
        out = list(lines[:start])
        stack: list[tuple[int, object]] = []  # open blocks: (slash count, CardSpec or None)
        chunk: list[tuple[int, str]] = []
        fence = None
        index = start

        def flush() -> None:
            if chunk:
                out.extend(inline.convert(chunk) if inline else [text for _, text in chunk])
                chunk.clear()

        headers = 0
        while index < len(lines):
            line = lines[index]
            if fence is not None:
                out.append(line)
                fence = None if line.rstrip() == fence else fence
                index += 1
                continue
            marker = line.lstrip()[:3]
            if marker not in ("///", "```", "~~~"):  # most lines: plain text
                if inline is not None and not stack and marker:
                    chunk.append((index, line))
                else:
                    flush()
                    out.append(line)
                index += 1
                continue
            if marker == "///" and ANY_CARD_HEADER.match(line):
                headers += 1
            opening = FENCE_OPEN.match(line)
            if opening and self.fence_closes(lines, index, opening.group(1)):
                flush()
                fence = opening.group(1)
                out.append(line)
                index += 1
                continue
            header = HEADER.match(line)
            if header and header.group(3).lower() in names:
                flush()
                if header.group(3).lower() == "card":
                    if any(spec for _, spec in stack):
                        note.error(index + 1, "a card cannot hold another card",
                                   "close the first card with a line holding only /// before the next")
                    index = self.open_card(lines, index, header, stack, out, note)
                else:
                    stack.append((len(header.group(2)), None))
                    out.append(line)
                    index += 1
                continue
            closer = CLOSER.match(line)
            if closer and stack and len(closer.group(1)) == stack[-1][0]:
                flush()
                _, spec = stack.pop()
                if spec is not None:
                    spec.body = "\n".join(lines[spec.body_start:index])
                out.append(line)
                index += 1
                continue
            if inline is not None and not stack and line.strip():
                chunk.append((index, line))
            else:
                flush()
                out.append(line)
            index += 1
        flush()
        if headers > sum(1 for spec in self.state.specs if spec.origin == "block"):
            self.state.stray_headers = True
        for _, spec in stack:
            if spec is not None:
                spec.body = "\n".join(lines[spec.body_start:])
                note.error(spec.line, "card block is never closed",
                           "end the card with a line holding only ///")
        return out

    def block_names(self) -> set[str]:
        blocks = self.md.parser.blockprocessors
        return set(blocks["blocks"].blocks) if "blocks" in blocks else {"card"}

    @staticmethod
    def fence_closes(lines: list[str], index: int, fence: str) -> bool:
        return any(line.rstrip() == fence for line in lines[index + 1:])

    def inline_enabled(self, header: list[str], note) -> bool:
        for number, line in enumerate(header, start=1):
            match = META_LINE.match(line)
            if match and match.group("key").lower() == "cards":
                value = match.group("value").strip().lower()
                if value in INLINE_VALUES:
                    return INLINE_VALUES[value]
                note.error(number, f"unknown Cards value '{match.group('value').strip()}'",
                           "write Cards: inline (question::answer lines become cards) or Cards: blocks")
        return self.state.inline_default

    def open_card(self, lines, index, header, stack, out, note) -> int:
        """Record the card that starts at `index`; return the index of its first body line."""
        option_indexes = []
        cursor = index + 1
        while cursor < len(lines) and option_line(lines[cursor]):
            option_indexes.append(cursor)
            cursor += 1
        options, option_lines = self.read_options(lines, option_indexes, note)
        question = header.group(4) or ""
        spec = self.state.add(index + 1, [question], options=options, option_lines=option_lines)
        spec.body_start = cursor
        out.append(f"{header.group(1)}{header.group(2)} card | {spec.token}")
        stack.append((len(header.group(2)), spec))
        return cursor

    def read_options(self, lines, indexes, note) -> tuple[dict, dict]:
        """(checked options, the line of each) for the option lines at `indexes`."""
        if not indexes:
            return {}, {}
        text = "\n".join(lines[i].expandtabs(4)[4:] for i in indexes)
        first = indexes[0] + 1
        try:
            raw = simple_options(text)
            if raw is None:
                raw = yaml.load(text, Loader=OPTIONS_LOADER)  # noqa: S506 - BaseLoader builds no objects
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
