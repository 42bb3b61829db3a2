"""At the end of reading, report every problem found in the sources together."""

from __future__ import annotations

import os

from .diagnostics import Diagnostic, report
from .shared import DIAGNOSTICS
from .source import site_relative
from .unpublished import unpublished_problems


def extra_diagnostics(context: dict) -> list[Diagnostic]:
    """The per-build list where plugins put problems that belong to no note (e.g. resources.yml)."""
    return DIAGNOSTICS.collect(context)


def content_of(generators) -> list:
    found = []
    for generator in generators:
        for name in ("articles", "drafts", "pages", "hidden_pages", "draft_pages"):
            found.extend(getattr(generator, name, []) or [])
        found.extend(getattr(generator, "translations", []) or [])
    return found


def nothing_published(generators, context: dict) -> list[Diagnostic]:
    """A loud line when note files were found and not one was published."""
    articles = [g for g in generators if hasattr(g, "articles") and hasattr(g, "drafts")]
    if not articles or any(g.articles or g.drafts or getattr(g, "hidden_articles", None) for g in articles):
        return []
    settings = articles[0].settings
    found = []
    for folder in settings.get("ARTICLE_PATHS", []):
        root = os.path.join(settings["PATH"], folder)
        for _, _, files in os.walk(root):
            found.extend(name for name in files if name.endswith((".md", ".markdown")))
    if not found:
        return []
    where = site_relative(os.path.join(settings["PATH"], settings["ARTICLE_PATHS"][0]), settings["PATH"])
    return [Diagnostic(where, 0, f"no note was published: {len(found)} note file(s) found, none could be read",
                       "each note left out is reported with its reason")]


def report_sources(generators) -> None:
    if not generators:
        return
    context = generators[0].context
    items = list(extra_diagnostics(context)) + unpublished_problems()
    for content in content_of(generators):
        items.extend(getattr(content, "diagnostics", ()) or ())
    items.extend(nothing_published(generators, context))
    report(items, strict=bool(context.get("STUDYFOLIO_STRICT")))
