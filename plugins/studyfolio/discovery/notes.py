"""Once all notes are read: resolve wikilinks, find backlinks, place notes in their series.

Runs at `article_generator_pretaxonomy`, before other plugins read the articles at
`article_generator_finalized`, so they see real links. Pages are resolved when they are read.
Everything is kept in the build's context and on its content objects; only a LinkCache that a
long-running process puts in its settings outlives a build (see linkcache.py)."""

from __future__ import annotations

import functools

from ..core.diagnostics import Diagnostic
from ..core.pelican_api import reader_html, replace_html
from ..core.shared import NOTES, SERIES
from ..core.source import site_relative
from .backlinks import attach_backlinks
from .catalog import NoteCatalog, NoteEntry, headings_of
from .fragments import parse_fragment, serialize_fragment
from .linkcache import LINK_CACHE_SETTING, LinkCache, NoteLinks
from .links import LinkMap
from .outline import attach_outlines
from .resolve import has_placeholders, resolve_tree
from .series import SeriesBuilder, place_notes
from .wikilinks import EMBED


def add_problems(content, problems: list[Diagnostic]) -> None:
    """Report `problems` with the note's own (core/report.py reads `content.diagnostics`)."""
    if problems:
        content.diagnostics = (*(getattr(content, "diagnostics", ()) or ()), *problems)


def resolve_field(markup: str, catalog: NoteCatalog, **where) -> tuple[str, list[Diagnostic]]:
    tree = parse_fragment(markup)
    problems = resolve_tree(tree, catalog, **where)
    return serialize_fragment(tree), problems


def where_of(content, entry: NoteEntry | None, tree) -> dict:
    return {
        "path": site_relative(content.source_path, content.settings["PATH"]),
        "own": entry,
        "own_headings": entry.headings if entry is not None else headings_of(tree),
        "from_draft": getattr(content, "status", "") == "draft",
    }


def resolve_content(content, catalog: NoteCatalog, entry: NoteEntry | None) -> tuple:
    """Resolve the wikilinks in one note or page (its body and its Summary:) without touching
    it: (new HTML or None, new summary or None, problems)."""
    summary = content.metadata.get("summary")
    if not has_placeholders(reader_html(content)) and not has_placeholders(summary):
        return None, None, ()
    tree = entry.parsed() if entry is not None else parse_fragment(reader_html(content))
    where = where_of(content, entry, tree)
    problems = resolve_tree(tree, catalog, **where)
    new_summary = None
    if has_placeholders(summary):
        new_summary, more = resolve_field(summary, catalog, **where)
        problems += [p for p in more if p not in problems]
    return serialize_fragment(tree), new_summary, tuple(problems)


def apply(content, markup: str | None, summary: str | None, problems) -> None:
    if markup is not None or summary is not None:
        replace_html(content, reader_html(content) if markup is None else markup, summary)
    add_problems(content, list(problems))


def analyse(entry: NoteEntry, catalog: NoteCatalog, links: LinkMap) -> NoteLinks:
    markup, summary, problems = resolve_content(entry.content, catalog, entry)
    mentions = () if entry.draft else tuple((t.key, m) for t, m in links.mentions(entry))
    return NoteLinks(markup, summary, problems, mentions)


def link_notes(published: list, drafts: list, listed: list, settings: dict) -> tuple:
    """Resolve, backlink and place in series the given notes; (catalog, series)."""
    cache: LinkCache | None = settings.get(LINK_CACHE_SETTING)
    catalog = NoteCatalog.build(
        published, drafts, settings["PATH"], cache.known_headings if cache else None
    )
    links = LinkMap(catalog, settings.get("SITEURL", ""))
    signature = catalog.signature
    outgoing = {}
    for entry in catalog.entries:
        content = entry.content
        compute = functools.partial(analyse, entry, catalog, links)
        if cache is None or EMBED in reader_html(content):  # an embed shows other notes' text
            found = compute()
        else:
            key = (entry.key, reader_html(content), content.metadata.get("summary"), signature)
            found = cache.note_links(key, compute)
        apply(content, found.content, found.summary, found.problems)
        outgoing[entry.key] = found.mentions
    if cache is not None:
        cache.finish_build()
    attach_backlinks(catalog, outgoing)
    builder = SeriesBuilder(settings)
    series = builder.build(listed)
    place_notes(series)
    for note, problem in builder.problems:
        add_problems(note, [problem])
    return catalog, series


def connect_notes(generator) -> None:
    """article_generator_pretaxonomy: wikilinks, backlinks, series and outlines for every note."""
    catalog, series = link_notes(
        [*generator.articles, *generator.translations,
         *generator.hidden_articles, *generator.hidden_translations],
        [*generator.drafts, *generator.drafts_translations],
        list(generator.articles),
        generator.settings,
    )
    attach_outlines(catalog)
    NOTES.put(generator.context, catalog)
    SERIES.put(generator.context, series)


def connect_pages(generator) -> None:
    """page_generator_finalized: wikilinks in pages (about, ...) link to notes too."""
    catalog = NOTES.get(generator.context) or NoteCatalog([])
    for page in [*generator.pages, *generator.hidden_pages, *generator.draft_pages,
                 *generator.translations, *generator.hidden_translations,
                 *generator.draft_translations]:
        apply(page, *resolve_content(page, catalog, None))
