"""The own-words check of every note that names its sources (`Transcript:` under content/).

Copied passages and the note's own share become diagnostics when more than the allowed
share is copied (a warning; an error in strict mode), and results for the report page."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..core.diagnostics import Diagnostic, Severity, did_you_mean
from ..core.metadata import split_list
from ..core.source import NoteSource, site_relative
from .overlap import Overlap, Words, find_overlap, words_of_note, words_of_text

DEFAULT_MAX_COPIED = 20
EXCERPT_WORDS = 12


def percent(share: float) -> str:
    """0.8 as '80%', 0.796 as '79.6%': a share just past a limit never reads as the limit."""
    value = round(share * 100, 1)
    return f"{value:.0f}%" if value == int(value) else f"{value}%"


def excerpt(text: str, size: int = EXCERPT_WORDS) -> str:
    words = text.split()
    return " ".join(words) if len(words) <= size else " ".join(words[:size]) + " …"


@dataclass
class NoteCheck:
    """One note's result: its sources (site-relative paths) and the overlap, if measured."""

    article: object
    path: str
    named: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    overlap: Overlap | None = None
    over: bool = False


class SourceCache:
    """Transcripts read once per build, keyed by absolute path."""

    def __init__(self):
        self.words: dict[str, Words] = {}

    def get(self, path: str) -> Words:
        if path not in self.words:
            with open(path, encoding="utf-8") as handle:
                self.words[path] = words_of_text(handle.read())
        return self.words[path]


def transcript_files(content_path: str) -> list[str]:
    """Every .txt file under content/, relative to it: candidates for 'did you mean'."""
    found = []
    for folder, _, names in os.walk(content_path):
        found += [os.path.relpath(os.path.join(folder, n), content_path) for n in names if n.endswith(".txt")]
    return sorted(found)


def check_note(article, settings: dict, cache: SourceCache, problems: list[Diagnostic]) -> NoteCheck:
    content = settings["PATH"]
    path = site_relative(article.source_path, content)
    result = NoteCheck(article=article, path=path)
    named = split_list(article.metadata.get("transcript", []))
    result.named = named
    if not named:
        return result
    with open(article.source_path, encoding="utf-8") as handle:
        note = NoteSource(path=path, text=handle.read())
    line = note.line_of("Transcript:")
    sources = []
    root = os.path.realpath(content)
    for name in named:
        full = os.path.realpath(os.path.join(content, name))
        if not full.startswith(root + os.sep):
            note.error(line, f"Transcript '{name}' is outside content/",
                       "give a path under content/, e.g. Transcript: transcripts/VIDEO_ID.txt")
        elif not os.path.isfile(full):
            hint = did_you_mean(name, transcript_files(content)) or "put the file under content/, e.g. content/transcripts/"
            note.error(line, f"Transcript '{name}' not found under content/", hint)
        else:
            try:
                sources.append((site_relative(full, content), cache.get(full)))
            except UnicodeDecodeError:
                note.error(line, f"Transcript '{name}' is not UTF-8 text", "save it as UTF-8 plain text")
    problems.extend(note.diagnostics)
    if not sources:
        return result
    result.sources = [name for name, _ in sources]
    overlap = find_overlap(words_of_note(note.text), [words for _, words in sources])
    result.overlap = overlap
    limit = float(settings.get("OWNWORDS_MAX_COPIED", DEFAULT_MAX_COPIED))
    result.over = overlap.copied_share * 100 > limit
    if result.over:
        severity = Severity.ERROR if settings.get("STUDYFOLIO_STRICT") else Severity.WARNING
        problems.append(Diagnostic(
            path, line,
            f"only {percent(overlap.own_share)} of this note is in your own words: {overlap.copied} of "
            f"{overlap.total} words are copied from its sources (at most {percent(limit / 100)} allowed)",
            "rewrite the copied passages reported below in your own words",
            severity,
        ))
        for passage in overlap.passages:
            source = result.sources[passage.source]
            lines = f"{passage.source_first_line}" + (
                f"-{passage.source_last_line}" if passage.source_last_line != passage.source_first_line else ""
            )
            problems.append(Diagnostic(
                path, passage.first_line,
                f"{passage.size} words copied from {source}:{lines}: \"{excerpt(passage.text)}\"",
                "say it in your own words: explain it as if to a friend",
                severity,
            ))
    return result


def max_copied_problem(settings: dict) -> Diagnostic | None:
    """A report when OWNWORDS_MAX_COPIED is not a percentage."""
    value = settings.get("OWNWORDS_MAX_COPIED", DEFAULT_MAX_COPIED)
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 100:
        return None
    return Diagnostic(
        "pelicanconf.py", 1, f"OWNWORDS_MAX_COPIED must be a percentage from 0 to 100, got {value!r}",
        f"e.g. OWNWORDS_MAX_COPIED = {DEFAULT_MAX_COPIED}",
    )
