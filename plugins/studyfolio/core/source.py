"""The note being converted: its path, raw text and the problems found in it."""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, field

from .diagnostics import Diagnostic, Severity
from .sourcemap import SourceMap


def site_relative(path: str, content_path: str) -> str:
    """`path` relative to the folder that holds content/, so reports read `content/notes/x.md`."""
    root = os.path.dirname(os.path.abspath(content_path))
    return os.path.relpath(os.path.abspath(path), root)


@dataclass
class NoteSource:
    """Attached to the Markdown instance as `md.studyfolio_note` while a file is converted."""

    path: str
    text: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    content_path: str = ""  # the content folder (PATH), where embedded files are looked for
    # a vault note's metadata, read before Markdown ({key: [value]}, as the Meta extension gives)
    front_matter: dict[str, list[str]] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _starts_of: str | None = field(default=None, repr=False, compare=False)
    _map: SourceMap | None = field(default=None, repr=False, compare=False)

    @property
    def map(self) -> SourceMap:
        """The note's source map, read once per text."""
        if self._map is None or self._map.text is not self.text:
            self._map = SourceMap(self.text)
        return self._map

    def map_of(self, lines: list[str]) -> SourceMap:
        """The map of `lines` (a Markdown preprocessor's view of this note): the note's own map
        when the lines are the note's, else a map of those lines."""
        text = "\n".join(lines)
        return self.map if text == self.text else SourceMap(text)

    def line_of(self, snippet: str, start_line: int = 1) -> int:
        """The 1-based line where `snippet` first occurs at or after `start_line`, else that line."""
        starts = self.line_starts()
        offset = starts[min(max(start_line - 1, 0), len(starts) - 1)]
        found = self.text.find(snippet, offset) if snippet else -1
        if found < 0:
            found = self.text.find(snippet) if snippet else -1
        if found < 0:
            return start_line
        return bisect.bisect_right(starts, found)

    def line_starts(self) -> list[int]:
        """The offset where each line starts, worked out once per text."""
        if self._starts_of != self.text:
            self._starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
            self._starts_of = self.text
        return self._starts

    def error(self, line: int, message: str, hint: str = "") -> None:
        self.diagnostics.append(Diagnostic(self.path, line, message, hint, Severity.ERROR))

    def warning(self, line: int, message: str, hint: str = "") -> None:
        self.diagnostics.append(Diagnostic(self.path, line, message, hint, Severity.WARNING))


def note_of(md) -> NoteSource:
    """The note a Markdown instance is converting; a detached one when used outside Pelican."""
    note = getattr(md, "studyfolio_note", None)
    if note is None:
        note = NoteSource(path="<markdown>", text="")
        md.studyfolio_note = note
    return note
