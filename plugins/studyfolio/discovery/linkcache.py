"""What linking found for each note, kept between builds by a long-running process.

The dev server rebuilds after every save; most notes did not change, and when no slug, title
or heading changed either, their links resolve exactly as before. It puts a LinkCache in its
own settings (LINK_CACHE_SETTING) and each build reuses the results for unchanged notes
instead of parsing them again. A one-off build has no cache and computes everything."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..core.diagnostics import Diagnostic
from .catalog import Heading
from .links import Mention

LINK_CACHE_SETTING = "STUDYFOLIO_LINK_CACHE"


@dataclass(frozen=True)
class NoteLinks:
    """The outcome of linking one note: new HTML (None if unchanged), new summary, problems,
    and every link to another note as (that note's key, the sentence around the link)."""

    content: str | None
    summary: str | None
    problems: tuple[Diagnostic, ...]
    mentions: tuple[tuple[str, Mention], ...]


class LinkCache:
    """Headings by note HTML and NoteLinks by (note, its HTML, summary, catalog signature).
    Entries a build did not use are dropped at its end, so the cache holds one site's worth."""

    def __init__(self):
        self.headings: dict[str, tuple[Heading, ...]] = {}
        self.links: dict[tuple, NoteLinks] = {}
        self.used_headings: set[str] = set()
        self.used_links: set[tuple] = set()

    def known_headings(self, html: str, compute: Callable[[], tuple[Heading, ...]]):
        self.used_headings.add(html)
        if html not in self.headings:
            self.headings[html] = compute()
        return self.headings[html]

    def note_links(self, key: tuple, compute: Callable[[], NoteLinks]) -> NoteLinks:
        self.used_links.add(key)
        if key not in self.links:
            self.links[key] = compute()
        return self.links[key]

    def finish_build(self) -> None:
        self.headings = {k: v for k, v in self.headings.items() if k in self.used_headings}
        self.links = {k: v for k, v in self.links.items() if k in self.used_links}
        self.used_headings.clear()
        self.used_links.clear()
