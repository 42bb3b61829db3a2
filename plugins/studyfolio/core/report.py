"""At the end of reading, report every problem found in the sources together."""

from __future__ import annotations

from .diagnostics import Diagnostic, report
from .shared import DIAGNOSTICS
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


def report_sources(generators) -> None:
    if not generators:
        return
    context = generators[0].context
    items = list(extra_diagnostics(context)) + unpublished_problems()
    for content in content_of(generators):
        items.extend(getattr(content, "diagnostics", ()) or ())
    report(items, strict=bool(context.get("STUDYFOLIO_STRICT")))
