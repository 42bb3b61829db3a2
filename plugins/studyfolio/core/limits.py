"""Limits that keep every note's conversion short, checked on the source before Markdown runs.

Python-Markdown and the Blocks API take time that grows with the square of some shapes of
text no person writes: a paragraph of thousands of unmatched `[`, `(` or `<` (each one rescans
the rest of the paragraph), thousands of `///` blocks in one note (each one walks the whole
page built so far), thousands of code blocks (each one sets up a highlighter), lists or quotes nested hundreds deep (which end in a RecursionError after
seconds). Such a note is reported at the line where the limit is passed and left out, so the
build ends in seconds whatever is in content/. The limits are far above real notes: the
demo's largest note is 14 KB with 12 blocks."""

from __future__ import annotations

import re

from .diagnostics import Diagnostic
from .unpublished import NotPublished

MAX_NOTE_BYTES = 1_000_000
MAX_BLOCKS = 1_000
MAX_UNMATCHED = 500  # `[` without `]` (or `(`, `<` unclosed) in one paragraph
PAIRS = {"[": "]", "(": ")", "<": ">"}
MAX_INDENT = 160  # columns: 40 levels of lists or code inside lists
MAX_QUOTE_DEPTH = 40
SPLIT_HINT = "split the note into several notes"
QUOTES = re.compile(r"^[ ]{0,3}((?:>[ ]?)+)")


def refuse(path: str, line: int, message: str, hint: str) -> NotPublished:
    return NotPublished(Diagnostic(path, line, f"not published: {message}", hint))


def check_source(path: str, text: str) -> None:
    """Raise NotPublished for a note past one of the limits."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_NOTE_BYTES:
        raise refuse(path, 1, f"the note is {size / 1e6:.1f} MB, more than a note may hold "
                     f"({MAX_NOTE_BYTES / 1e6:g} MB)", SPLIT_HINT + ", or move data files to static/")
    unmatched = dict.fromkeys(PAIRS, 0)
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            unmatched = dict.fromkeys(PAIRS, 0)
            continue
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        if indent > MAX_INDENT:
            raise refuse(path, number, f"a line indented {indent} columns, more than the "
                         f"{MAX_INDENT} a note may nest", "flatten the deepest lists or blocks")
        quotes = QUOTES.match(line)
        if quotes and quotes.group(1).count(">") > MAX_QUOTE_DEPTH:
            raise refuse(path, number, f"quotes nested {quotes.group(1).count('>')} deep, more "
                         f"than the {MAX_QUOTE_DEPTH} a note may nest", "flatten the deepest quotes")
        for mark, closer in PAIRS.items():
            unmatched[mark] = max(0, unmatched[mark] + line.count(mark) - line.count(closer))
            if unmatched[mark] > MAX_UNMATCHED:
                raise refuse(path, number, f"more than {MAX_UNMATCHED} unmatched '{mark}' in one "
                             f"paragraph", f"close them, or write \\{mark} for a literal '{mark}'")


def check_block_count(path: str, count: int, line: int) -> None:
    if count > MAX_BLOCKS:
        raise refuse(path, line, f"{count} blocks (///, fenced code and inline cards) in one "
                     f"note, more than the {MAX_BLOCKS} a note may hold", SPLIT_HINT)
