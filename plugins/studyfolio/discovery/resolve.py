"""Turn wikilink placeholders into links once every note is known; report what cannot be found.

A found note becomes a Pelican `{filename}` link, so SITEURL and relative URLs work as for
any link; an unknown, ambiguous or draft target becomes a marked `<span>` and an error at
the `[[...]]`'s line."""

from __future__ import annotations

import copy

from ..core.diagnostics import Diagnostic, Severity
from . import wikilinks as wl
from .catalog import Heading, NoteCatalog, NoteEntry, find_heading, suggest
from .transclusion import EMBED, embedded_copy, place, section


def placeholders(tree) -> list:
    return [a for a in tree.iter("a") if a.get(wl.TARGET) is not None]


def mark_missing(link, message: str) -> None:
    """Replace the placeholder by a visible, unlinked marker keeping its text."""
    link.attrib.clear()
    link.tag = "span"
    link.set("class", "wikilink wikilink-missing")
    link.set("title", message)


def shown_text(typed: str, entry: NoteEntry, by_title: bool, heading: Heading | None) -> str:
    """For `[[target]]` without `|text`: the note's title when linked by slug, else as typed."""
    base = typed.split(" › ")[0] if by_title else entry.title
    return f"{base} › {heading.text}" if heading else base


def heading_problem(headings: list[Heading], wanted: str, raw: str, where: str) -> tuple[str, str]:
    names = {h.text.casefold(): h.text for h in headings}
    listed = ", ".join(f"'{h.text}'" for h in headings)
    hint = suggest(wanted, names) or (f"its headings: {listed}" if listed else "it has no headings")
    return f"{raw}: {where} has no heading '{wanted}'", hint


def embed(link, entry: NoteEntry, catalog: NoteCatalog, heading: Heading | None, href: str) -> bool:
    """Show `entry` (its section or block when `heading` names one) where `link` stands."""
    source = copy.deepcopy(entry.parsed())
    resolve_tree(source, catalog, path=entry.path, own=entry, own_headings=list(entry.headings),
                 from_draft=entry.draft, embeds=False)  # its problems are reported on its page
    elements = section(source, heading.id) if heading else list(source)
    title = f"{entry.title} › {heading.text.lstrip('^')}" if heading else entry.title
    return place(link, title, href, embedded_copy(elements or []))


def resolve_tree(
    tree,
    catalog: NoteCatalog,
    *,
    path: str,
    own: NoteEntry | None,
    own_headings: list[Heading],
    from_draft: bool,
    embeds: bool = True,
) -> list[Diagnostic]:
    """Rewrite every placeholder in `tree` in place; the problems found, at their lines."""
    problems = []
    warned: set[str] = set()
    for link in placeholders(tree):
        target = link.get(wl.TARGET, "")
        wanted = link.get(wl.HEADING, "")
        line = int(link.get(wl.LINE, "1"))
        raw = link.get(wl.SOURCE, f"[[{target}]]")
        auto = wl.AUTO_TEXT in link.attrib
        if target:
            found = catalog.find(target, from_draft=from_draft, near=own)
            if found.entry is None:
                problems.append(Diagnostic(path, line, found.problem, found.hint))
                mark_missing(link, found.problem)
                continue
            if found.warning and target.casefold() not in warned:  # once a note
                warned.add(target.casefold())
                problems.append(Diagnostic(path, line, found.warning, found.hint, Severity.WARNING))
            entry, by_title, headings = found.entry, found.by_title, found.entry.headings
        else:
            entry, by_title, headings = own, True, own_headings
        heading = None
        if wanted.startswith("^"):  # a block: `[[note^id]]`, its anchor made by the note
            heading = Heading(id=wanted, text=wanted)
        elif wanted:
            heading = find_heading(headings, wanted)
            if heading is None:
                where = f"note '{entry.slug}'" if target else "this " + ("note" if own else "page")
                message, hint = heading_problem(headings, wanted, raw, where)
                problems.append(Diagnostic(path, line, message, hint))
                if not target:
                    mark_missing(link, message)
                    continue
        href = (entry.link if target else "") + (f"#{heading.id}" if heading else "")
        if target and embeds and link.get(EMBED) is not None:
            if embed(link, entry, catalog, heading, href):
                continue
            problems.append(Diagnostic(path, line, f"!{raw} shares its paragraph with other text, so it is"
                                       " shown as a link", "put the embed on a line of its own, with"
                                       " blank lines around it", Severity.WARNING))
        if auto:
            if target:
                link.text = shown_text(link.text or target, entry, by_title, heading)
            elif heading:
                link.text = heading.text
            for child in list(link):
                link.remove(child)
        link.attrib.clear()
        link.set("class", "wikilink")
        link.set("href", href)
        if target:
            link.set("data-note", entry.slug)
    return problems


def has_placeholders(markup: str) -> bool:
    """A cheap test before parsing: no placeholder attribute, nothing to resolve."""
    return wl.TARGET + "=" in (markup or "")

