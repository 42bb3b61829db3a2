"""A long note's "On this page" list: links to its h2 and h3 headings, each h3 under the h2
before it. Short notes get none: with fewer than MIN_HEADINGS the page is its own outline."""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Heading, NoteCatalog

MIN_HEADINGS = 4
LEVELS = (2, 3)


@dataclass(frozen=True)
class OutlineItem:
    id: str
    text: str
    children: tuple[OutlineItem, ...] = ()


def outline(headings: tuple[Heading, ...] | list[Heading]) -> tuple[OutlineItem, ...]:
    """The h2/h3 headings as a two-level list; () when there are fewer than MIN_HEADINGS.
    An h3 before any h2 stands at the top level."""
    wanted = [h for h in headings if h.level in LEVELS and h.id]
    if len(wanted) < MIN_HEADINGS:
        return ()
    items: list[tuple[Heading, list[Heading]]] = []
    for heading in wanted:
        if heading.level == 3 and items and items[-1][0].level == 2:
            items[-1][1].append(heading)
        else:
            items.append((heading, []))
    return tuple(
        OutlineItem(top.id, top.text, tuple(OutlineItem(sub.id, sub.text) for sub in subs))
        for top, subs in items
    )


def attach_outlines(catalog: NoteCatalog) -> None:
    """Every note's outline as `note.on_this_page` (the article template shows it)."""
    for entry in catalog.entries:
        entry.content.on_this_page = outline(entry.headings)
