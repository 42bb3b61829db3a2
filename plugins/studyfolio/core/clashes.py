"""Two notes that would be written to the same page: the first (by path) is published, the
other is reported and left out, instead of Pelican stopping the whole build with
"Failed to overwrite". Pelican's own warnings about those notes ("There are 2 items with
slug ...", one path a line) are dropped: the one problem line below says it."""

from __future__ import annotations

import logging

from .diagnostics import Diagnostic
from .report import extra_diagnostics
from .source import site_relative

LISTS = ("articles", "translations", "hidden_articles", "hidden_translations", "drafts",
         "drafts_translations", "pages", "translations", "hidden_pages", "hidden_translations",
         "draft_pages", "draft_translations")


SAME_SLUG = ("There are %s items ", "There are %s original (not translated) items")


class SameSlugWarnings(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(SAME_SLUG)


def quiet_same_slug_warnings() -> None:
    target = logging.getLogger("pelican.utils")
    if not any(isinstance(f, SameSlugWarnings) for f in target.filters):
        target.addFilter(SameSlugWarnings())


def drop_clashing(generator) -> None:
    """Keep one note per output path in this generator's lists, reporting the others."""
    lists = [getattr(generator, name) for name in dict.fromkeys(LISTS)
             if isinstance(getattr(generator, name, None), list)]
    owners: dict[str, object] = {}
    for content in sorted((c for found in lists for c in found), key=lambda c: c.source_path):
        save_as = getattr(content, "save_as", "")
        if not save_as:
            continue
        first = owners.setdefault(save_as, content)
        if first is content:
            continue
        for found in lists:
            if content in found:
                found.remove(content)
        first.translations = [t for t in first.translations if t is not content]
        path = site_relative(content.source_path, generator.settings["PATH"])
        other = site_relative(first.source_path, generator.settings["PATH"])
        extra_diagnostics(generator.context).append(Diagnostic(
            path, 1, f"not published: its page {save_as} is already the page of {other}",
            "give one of the two notes its own `Slug:` line (the slug comes from the file name)"))
