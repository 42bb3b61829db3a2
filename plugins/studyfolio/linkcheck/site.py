"""Collect every link of a built site into `Link` records, internal and external apart."""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urljoin

from .collect import Page, read_site
from .internal import SiteIndex
from .locate import SourceMap, display_path
from .records import Link, Result, Status, Verdict


@dataclass
class SiteLinks:
    """The built site's links: (page, link) pairs on this site and links leaving it."""

    index: SiteIndex
    internal: list[tuple[Page, Link]]
    external: list[Link]
    pages: int

    @classmethod
    def read(cls, output: str, siteurl: str, sources: SourceMap) -> SiteLinks:
        files, pages = read_site(output)
        index = SiteIndex(files, pages, siteurl)
        internal, external = [], []
        for page in pages:
            shown = display_path(os.path.join(output, page.path), sources.root)
            base = index.page_url(page)
            for raw in page.links:
                try:
                    target = urljoin(base, raw.url)
                except ValueError:
                    target = raw.url  # malformed: the external checks say how
                link = Link(raw.url, target, page.path, shown, raw.line, raw.text)
                if index.internal_path(target) is None:
                    external.append(link)
                else:
                    internal.append((page, link))
        return cls(index, internal, external, len(pages))

    def check_internal(self) -> list[Result]:
        """Verdicts for every internal link: whether its page, file and anchor exist."""
        known: dict[tuple[str, str], Verdict] = {}
        results = []
        for page, link in self.internal:
            key = (page.path, link.target) if "#" in link.target else ("", link.target)
            if key not in known:
                known[key] = self.index.check(page, link)
            results.append(Result(link, known[key]))
        return results


def place(results: list[Result], sources: SourceMap) -> list[Result]:
    """Point each result at the note and line where its link is written, when it is there."""
    placed = []
    for result in results:
        link = result.link
        found = sources.locate(link.page, link.url, link.text) if link.page else None
        if found:
            link = link._replace(path=found[0], line=found[1], in_source=True)
        placed.append(result._replace(link=link))
    return placed


def failures(results: list[Result]) -> list[Result]:
    return [r for r in results if r.verdict.status.failed]


def offline_results(links: list[Link], check) -> list[Result]:
    """Results for external links whose verdict needs no request (`check(url)` or None)."""
    found = []
    for link in links:
        verdict = check(link.target)
        if verdict is not None and verdict.status is not Status.OK:
            found.append(Result(link, verdict))
    return found
