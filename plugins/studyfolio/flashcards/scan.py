"""Read the note's source before Markdown does: find every card, check its options at their
exact lines, and hand the card block a token instead of raw options.

pymdown-extensions leaves a block whose options fail validation as literal text; checking them
here turns every mistake into a reported error with its line, and the card still renders."""

from __future__ import annotations

import bisect
import re

from markdown.preprocessors import Preprocessor

from ..core.limits import check_block_count
from ..core.source import note_of
from .inline import InlineCards
from .options import read_options
from .spec import CardState

HEADER = re.compile(r"^( {0,3})(/{3,})[ ]*([\w-]+)[ ]*(?:\|[ ]*(.*?)[ ]*)?$")
CLOSER = re.compile(r"^ {0,3}(/{3,})[ ]*$")
ANY_CARD_HEADER = re.compile(r"^\s*/{3,}\s*card\b")
FENCE_OPEN = re.compile(r"^(~{3,}|`{3,})[ ]*(\{[^\n]*\}|\.?[\w#.+-]*[ ]*(hl_lines=(\"|').*?\4[ ]*)?)$")
META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE = re.compile(r"^[ ]{4,}")
INLINE_VALUES = {"inline": True, "blocks": False}


def meta_header_end(lines: list[str]) -> int:
    """Index of the first line after the metadata header (the meta extension's rules)."""
    index = 0
    for index, line in enumerate(lines):
        if not line.strip():
            return index
        if not (META_LINE.match(line) or (index and META_MORE.match(line))):
            return index
    return len(lines)


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
        start = meta_header_end(lines)
        inline = InlineCards(self.state) if self.inline_enabled(lines[:start], note) else None
        walk = SourceWalk(lines, note, self.state, self.block_names(), inline)
        walk.out.extend(lines[:start])
        index = start
        while index < len(lines):
            index = walk.step(index)
            specs = self.state.specs
            check_block_count(note.path, walk.blocks + len(specs), specs[-1].line if specs else index)
        return walk.finish()

    def block_names(self) -> set[str]:
        blocks = self.md.parser.blockprocessors
        return set(blocks["blocks"].blocks) if "blocks" in blocks else {"card"}

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


class SourceWalk:
    """One pass over a note's lines: fences skipped, blocks tracked by their slash count (as
    the Blocks API matches them), card headers rewritten, prose handed to the inline syntax."""

    def __init__(self, lines, note, state: CardState, names: set[str], inline):
        self.lines, self.note, self.state, self.names, self.inline = lines, note, state, names, inline
        self.out: list[str] = []
        self.stack: list[tuple[int, object]] = []  # open blocks: (slash count, CardSpec or None)
        self.chunk: list[tuple[int, str]] = []  # prose lines waiting for the inline syntax
        self.fence: str | None = None
        self.fence_lines: dict[str, list[int]] | None = None  # closing candidates, by text
        self.headers = 0  # lines that look like a card header, read or not
        self.blocks = 0  # blocks opened that are not cards (other /// blocks, fenced code)

    def step(self, index: int) -> int:
        """Handle the line at `index`; return the index of the next line to handle."""
        line = self.lines[index]
        if self.fence is not None:
            self.out.append(line)
            self.fence = None if line.rstrip() == self.fence else self.fence
            return index + 1
        marker = line.lstrip()[:3]
        if marker not in ("///", "```", "~~~"):  # most lines: plain text
            return self.prose(index, line, marker)
        if marker == "///" and ANY_CARD_HEADER.match(line):
            self.headers += 1
        opening = FENCE_OPEN.match(line)
        if opening and self.closed_later(opening.group(1), index):
            self.flush()
            self.fence = opening.group(1)
            self.blocks += 1
            self.out.append(line)
            return index + 1
        header = HEADER.match(line)
        if header and header.group(3).lower() in self.names:
            self.flush()
            if header.group(3).lower() == "card":
                return self.open_card(index, header)
            self.stack.append((len(header.group(2)), None))
            self.blocks += 1
            self.out.append(line)
            return index + 1
        closer = CLOSER.match(line)
        if closer and self.stack and len(closer.group(1)) == self.stack[-1][0]:
            self.flush()
            _, spec = self.stack.pop()
            if spec is not None:
                spec.body = "\n".join(self.lines[spec.body_start:index])
            self.out.append(line)
            return index + 1
        return self.prose(index, line, marker)

    def closed_later(self, fence: str, index: int) -> bool:
        """Whether a line after `index` closes `fence`: the fence lines are indexed once, so a
        note of many unclosed fences is not rescanned to its end for each of them."""
        if self.fence_lines is None:
            self.fence_lines = {}
            for number, text in enumerate(self.lines):
                if text.startswith(("```", "~~~")):
                    self.fence_lines.setdefault(text.rstrip(), []).append(number)
        later = self.fence_lines.get(fence, [])
        return bisect.bisect_right(later, index) < len(later)

    def prose(self, index: int, line: str, marker: str) -> int:
        if self.inline is not None and not self.stack and marker:
            self.chunk.append((index, line))
        else:
            self.flush()
            self.out.append(line)
        return index + 1

    def flush(self) -> None:
        if self.chunk:
            self.out.extend(self.inline.convert(self.chunk))
            self.chunk.clear()

    def open_card(self, index: int, header) -> int:
        """Record the card that starts at `index`; return the index of its first body line."""
        if any(spec for _, spec in self.stack):
            self.note.error(index + 1, "a card cannot hold another card",
                            "close the first card with a line holding only /// before the next")
        option_indexes = []
        cursor = index + 1
        while cursor < len(self.lines) and option_line(self.lines[cursor]):
            option_indexes.append(cursor)
            cursor += 1
        options, option_lines = read_options(self.lines, option_indexes, self.note)
        spec = self.state.add(index + 1, [header.group(4) or ""], options=options,
                              option_lines=option_lines)
        spec.body_start = cursor
        self.out.append(f"{header.group(1)}{header.group(2)} card | {spec.token}")
        self.stack.append((len(header.group(2)), spec))
        return cursor

    def finish(self) -> list[str]:
        """The rewritten lines; unclosed cards and unread card headers are noted."""
        self.flush()
        if self.headers > sum(1 for spec in self.state.specs if spec.origin == "block"):
            self.state.stray_headers = True
        for _, spec in self.stack:
            if spec is not None:
                spec.body = "\n".join(self.lines[spec.body_start:])
                self.note.error(spec.line, "card block is never closed",
                                "end the card with a line holding only ///")
        return self.out
