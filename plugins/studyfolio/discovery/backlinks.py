""""Linked from": for each note, every other published note that links to it, with the sentences."""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import NoteCatalog
from .links import Mention


@dataclass(frozen=True)
class Backlink:
    """A note that links here (`note` is its Pelican article) and each sentence that does."""

    note: object
    mentions: tuple[Mention, ...]


def backlinks(catalog: NoteCatalog, outgoing: dict) -> dict[str, list[Backlink]]:
    """Backlinks by the linked note's key, from each note's (target key, mention) pairs;
    sources sorted by title, then slug. Drafts link nowhere."""
    found: dict[str, dict[str, list[Mention]]] = {}
    for source in catalog.entries:
        if source.draft:
            continue
        for target_key, mention in outgoing.get(source.key, ()):
            found.setdefault(target_key, {}).setdefault(source.key, []).append(mention)
    result = {}
    for key, by_source in found.items():
        entries = [catalog.by_key[source_key] for source_key in by_source]
        entries.sort(key=lambda e: (e.title.casefold(), e.slug))
        result[key] = [Backlink(e.content, tuple(by_source[e.key])) for e in entries]
    return result


def attach_backlinks(catalog: NoteCatalog, outgoing: dict) -> None:
    """Set `note.backlinks` on every note (an empty list when nothing links to it)."""
    found = backlinks(catalog, outgoing)
    for entry in catalog.entries:
        entry.content.backlinks = found.get(entry.key, [])
