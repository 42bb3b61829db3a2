"""Once all notes are read: resolve wikilinks, find backlinks, place notes in their series.

Runs at `article_generator_pretaxonomy`, before other plugins read the articles at
`article_generator_finalized`, so they see real links. Pages are resolved when they are read.
Everything is kept in the build's context and on its content objects, never across builds."""

from __future__ import annotations

from ..core.diagnostics import Diagnostic
from ..core.source import site_relative
from .backlinks import attach_backlinks
from .catalog import NoteCatalog, NoteEntry, headings_of
from .fragments import parse_fragment, serialize_fragment
from .links import LinkMap
from .resolve import has_placeholders, resolve_tree
from .series import SeriesBuilder, place_notes

CATALOG_KEY = "studyfolio_notes"
SERIES_KEY = "studyfolio_series"


def add_problems(content, problems: list[Diagnostic]) -> None:
    """Report `problems` with the note's own (core/report.py reads `content.diagnostics`)."""
    if problems:
        content.diagnostics = (*(getattr(content, "diagnostics", ()) or ()), *problems)


def replace_content(content, markup: str) -> None:
    """New HTML for `content`, dropping what Pelican memoized from the old one."""
    content._content = markup
    for method in (type(content).get_content, type(content).get_summary):
        for key in [key for key in method.cache if key and key[0] is content]:
            del method.cache[key]


def resolve_field(markup: str, catalog: NoteCatalog, **where) -> tuple[str, list[Diagnostic]]:
    tree = parse_fragment(markup)
    problems = resolve_tree(tree, catalog, **where)
    return serialize_fragment(tree), problems


def resolve_content(content, catalog: NoteCatalog, entry: NoteEntry | None) -> None:
    """Resolve the wikilinks in one note or page (its body and its Summary:)."""
    summary = content.metadata.get("summary")
    if not has_placeholders(content._content) and not has_placeholders(summary):
        return
    tree = entry.tree if entry is not None else parse_fragment(content._content)
    where = {
        "path": site_relative(content.source_path, content.settings["PATH"]),
        "own": entry,
        "own_headings": entry.headings if entry is not None else headings_of(tree),
        "from_draft": getattr(content, "status", "") == "draft",
    }
    problems = resolve_tree(tree, catalog, **where)
    replace_content(content, serialize_fragment(tree))
    if has_placeholders(summary):
        content.metadata["summary"], more = resolve_field(summary, catalog, **where)
        content._summary = content.metadata["summary"]
        problems += [p for p in more if p not in problems]
    add_problems(content, problems)


def link_notes(published: list, drafts: list, listed: list, settings: dict) -> tuple:
    """Resolve, backlink and place in series the given notes; (catalog, series)."""
    catalog = NoteCatalog.build(published, drafts, settings["PATH"])
    for entry in catalog.entries:
        resolve_content(entry.content, catalog, entry)
    attach_backlinks(catalog, LinkMap(catalog, settings.get("SITEURL", "")))
    builder = SeriesBuilder(settings)
    series = builder.build(listed)
    place_notes(series)
    for note, problem in builder.problems:
        add_problems(note, [problem])
    return catalog, series


def connect_notes(generator) -> None:
    """article_generator_pretaxonomy: wikilinks, backlinks and series for every note."""
    catalog, series = link_notes(
        [*generator.articles, *generator.translations,
         *generator.hidden_articles, *generator.hidden_translations],
        [*generator.drafts, *generator.drafts_translations],
        list(generator.articles),
        generator.settings,
    )
    generator.context[CATALOG_KEY] = catalog
    generator.context[SERIES_KEY] = series


def connect_pages(generator) -> None:
    """page_generator_finalized: wikilinks in pages (about, ...) link to notes too."""
    catalog = generator.context.get(CATALOG_KEY) or NoteCatalog([])
    for page in [*generator.pages, *generator.hidden_pages, *generator.draft_pages,
                 *generator.translations, *generator.hidden_translations,
                 *generator.draft_translations]:
        resolve_content(page, catalog, None)
