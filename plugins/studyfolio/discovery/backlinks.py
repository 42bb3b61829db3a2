""""Linked from": for each note, every other published note that links to it, with the sentences."""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import NoteCatalog
from .links import LinkMap, Mention


@dataclass(frozen=True)
class Backlink:
    """A note that links here (`note` is its Pelican article) and each sentence that does."""

    note: object
    mentions: tuple[Mention, ...]


def backlinks(catalog: NoteCatalog, links: LinkMap) -> dict[str, list[Backlink]]:
    """Backlinks by the linked note's key; sources sorted by title, then slug."""
    found: dict[str, dict[str, list[Mention]]] = {}
    for source in catalog.entries:
        if source.draft:
            continue
        for target, mention in links.mentions(source):
            found.setdefault(target.key, {}).setdefault(source.key, []).append(mention)
    result = {}
    for key, by_source in found.items():
        entries = [catalog.by_key[source_key] for source_key in by_source]
        entries.sort(key=lambda e: (e.title.casefold(), e.slug))
        result[key] = [Backlink(e.content, tuple(by_source[e.key])) for e in entries]
    return result


def attach_backlinks(catalog: NoteCatalog, links: LinkMap) -> None:
    """Set `note.backlinks` on every note (an empty list when nothing links to it)."""
    found = backlinks(catalog, links)
    for entry in catalog.entries:
        entry.content.backlinks = found.get(entry.key, [])
