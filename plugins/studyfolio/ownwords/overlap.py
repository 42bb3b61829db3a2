"""How much of a note is copied from its sources: shared runs of at least 8 words.

Text is normalized (case folded, punctuation and spacing dropped, apostrophes joined) into
words that know their line. The note's 8-word windows go into a hash table and each source
streams past it once, so the cost grows with the length of the texts, not with their
product. Overlapping or touching hits merge into passages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress, count

from ..core.sourcemap import SourceMap

WINDOW = 8
WORD = re.compile(r"[^\W_]+")
APOSTROPHES = str.maketrans("", "", "'’")
# ASCII and common typographic punctuation become spaces; anything rarer takes the regex path.
PUNCTUATION = str.maketrans(dict.fromkeys(
    "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~“”‘«»–—…·•", " "
) | {"'": None, "’": None})
TIMESTAMP = re.compile(r"\[\d{1,2}(?::\d{1,2}){1,2}\]")
# Markdown that is not prose (besides the code and math the source map finds): link targets,
# bare URLs, HTML tags, timestamps.
MARKUP = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+|<[^>]+>|\[\d{1,2}(?::\d{1,2}){1,2}\]")


def split_words(text: str) -> list[str]:
    """Case-folded words of `text`: apostrophes joined (don't -> dont), other punctuation splits."""
    text = text.casefold()
    words = text.translate(PUNCTUATION).split()
    if "".join(words).isalnum() or not words:
        return words
    return WORD.findall(text.translate(APOSTROPHES))


class Words:
    """Normalized words, and (computed only when asked) the 1-based line of each."""

    def __init__(self, words: list[str], lines: list[int] | None = None, text: str = ""):
        self.words = words
        self._lines = lines
        self._text = text

    @property
    def lines(self) -> list[int]:
        if self._lines is None:
            lines: list[int] = []
            for number, line in enumerate(self._text.splitlines(), 1):
                lines.extend([number] * len(split_words(TIMESTAMP.sub(" ", line))))
            self._lines = lines
        return self._lines


@dataclass(frozen=True)
class Passage:
    """Words [start, end) of the note (lines first..last), found in source number `source`."""

    start: int
    end: int
    first_line: int
    last_line: int
    source: int
    source_first_line: int
    source_last_line: int
    text: str

    @property
    def size(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Overlap:
    total: int
    copied: int
    passages: tuple[Passage, ...]

    @property
    def copied_share(self) -> float:
        return self.copied / self.total if self.total else 0.0

    @property
    def own_share(self) -> float:
        return 1.0 - self.copied_share


def words_of_text(text: str) -> Words:
    """The words of a plain-text source such as a transcript ([mm:ss] stamps left out)."""
    return Words(split_words(TIMESTAMP.sub(" ", text)), text=text)


def words_of_note(text: str) -> Words:
    """The prose words of a Markdown note: no metadata, code, math, URLs, HTML or block options;
    a block header counts by its argument (a card's question is the learner's words)."""
    source = SourceMap(text)
    skip = source.code_lines | source.option_line_set() | {b.end for b in source.blocks if b.end}
    hidden = blank_spans(source)
    headers = {block.line: argument_of(hidden.get(block.line, source.lines[block.line - 1]))
               for block in source.blocks}
    words: list[str] = []
    lines: list[int] = []
    for number, line in source.body_lines():
        if number in skip:
            continue
        line = headers.get(number, hidden.get(number, line))
        found = split_words(MARKUP.sub(" ", line))
        words.extend(found)
        lines.extend([number] * len(found))
    return Words(words, lines)


def argument_of(header: str) -> str:
    """What follows the bar of a block header line."""
    return header.partition("|")[2]


def blank_spans(source: SourceMap) -> dict[int, str]:
    """Each line that holds code spans or math, with them blanked."""
    blanked: dict[int, list[str]] = {}
    for span in source.spans:
        for number in range(span.line, span.end_line + 1):
            chars = blanked.setdefault(number, list(source.lines[number - 1]))
            first = span.column - 1 if number == span.line else 0
            last = span.end_column - 1 if number == span.end_line else len(chars)
            chars[first:last] = " " * (last - first)
    return {number: "".join(chars) for number, chars in blanked.items()}


def windows(words: list[str], size: int = WINDOW):
    return zip(*(words[i:] for i in range(size)), strict=False)


def find_overlap(note: Words, sources: list[Words], size: int = WINDOW) -> Overlap:
    """The passages of `note` that share `size` or more consecutive words with a source.

    The note's windows go into a table; each source is streamed past it once, so the cost is
    linear in the length of the texts. The first source (and earliest place) found wins."""
    where: dict[tuple[str, ...], list[int]] = {}
    for position, window in enumerate(windows(note.words, size)):
        where.setdefault(window, []).append(position)
    found: dict[int, tuple[int, int]] = {}
    for index, source in enumerate(sources):
        shared = compress(count(), map(where.__contains__, windows(source.words, size)))
        for at in shared:
            for position in where[tuple(source.words[at : at + size])]:
                found.setdefault(position, (index, at))
    hits = sorted((position, index, at) for position, (index, at) in found.items())
    passages = []
    run: list[tuple[int, int, int]] = []
    for hit in hits:
        if run and hit[0] > run[-1][0] + size:
            passages.append(make_passage(note, sources, run, size))
            run = []
        run.append(hit)
    if run:
        passages.append(make_passage(note, sources, run, size))
    copied = sum(p.size for p in passages)
    return Overlap(total=len(note.words), copied=copied, passages=tuple(passages))


def make_passage(note: Words, sources: list[Words], run, size: int) -> Passage:
    start, source, source_start = run[0]
    end = run[-1][0] + size
    same = [hit[2] for hit in run if hit[1] == source]
    source_start, source_end = min(same), max(same) + size
    lines = sources[source].lines
    return Passage(
        start=start,
        end=end,
        first_line=note.lines[start],
        last_line=note.lines[end - 1],
        source=source,
        source_first_line=lines[source_start],
        source_last_line=lines[source_end - 1],
        text=" ".join(note.words[start:end]),
    )
