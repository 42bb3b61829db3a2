"""Collect every link of a built site into `Link` records, internal and external apart."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .collect import Page, RawLink, read_site
from .internal import SiteIndex
from .locate import SourceMap, display_path
from .records import Link, Result, Status, Verdict


@dataclass
class SiteLinks:
    """The built site's links: (page, link) pairs on this site and links leaving it."""

    output: str
    root: str
    index: SiteIndex
    internal: list[tuple[Page, RawLink, str]]  # Link records are made only when needed
    external: list[Link]
    pages: int

    @classmethod
    def read(cls, output: str, siteurl: str, sources: SourceMap) -> SiteLinks:
        files, pages = read_site(output)
        index = SiteIndex(files, pages, siteurl)
        internal, external = [], []
        absolute: dict[str, tuple[str, bool]] = {}  # '/x/' links, the same on every page
        for page in pages:
            shown = ""
            base = index.page_url(page)
            for raw in page.links:
                known = absolute.get(raw.url) if not page.base else None
                if known is None:
                    target = index.resolve(base, raw.url)
                    known = (target, index.internal_path(target) is not None)
                    if raw.url.startswith("/") and not page.base:
                        absolute[raw.url] = known
                target, on_site = known
                if on_site:
                    internal.append((page, raw, target))
                    continue
                shown = shown or display_path(os.path.join(output, page.path), sources.root)
                external.append(Link(raw.url, target, page.path, shown, raw.line, raw.text))
        return cls(output, sources.root, index, internal, external, len(pages))

    def check_internal(self, *, every: bool = True, exclude: Sequence[re.Pattern] = ()) -> list[Result]:
        """Verdicts for internal links (only the failures unless `every`): whether the page,
        file and anchor they point at exist. `exclude` patterns are matched against the
        link's site path with its query ('/review/?note=x'): a static site ignores queries,
        so links that differ only there share a target and are reported together."""
        known: dict[tuple[str, bool], Verdict] = {}  # wording differs on the target's own page
        results = []
        index = self.index
        shown_paths: dict[str, str] = {}
        for page, raw, target in self.internal:
            key = (target, False)
            if "#" in target:  # an anchor is "on this page" or "in /other/"
                path = index.internal_path(target)
                key = (target, path is not None and index.target_file(path) == page.path)
            verdict = known.get(key)
            if verdict is None:
                verdict = known[key] = self.verdict(page, target, exclude)
            if every or verdict.status.failed:
                shown = shown_paths.get(page.path)
                if shown is None:
                    shown = shown_paths[page.path] = display_path(
                        os.path.join(self.output, page.path), self.root)
                checked = target.partition("#")[0].partition("?")[0]
                fragment = target.partition("#")[2]
                checked += f"#{fragment}" if fragment else ""
                link = Link(raw.url, checked, page.path, shown, raw.line, raw.text)
                results.append(Result(link, verdict))
        return results

    def verdict(self, page: Page, target: str, exclude: Sequence[re.Pattern]) -> Verdict:
        site_path = self.index.site_path(target)
        for pattern in exclude:
            if pattern.search(site_path):
                return Verdict(Status.EXCLUDED, f"matches exclude pattern '{pattern.pattern}'")
        return self.index.check(page, target)


def place(results: list[Result], sources: SourceMap) -> list[Result]:
    """Point each result at the note and line where its link is written, when it is there:
    found by the link as written, else by its text."""
    placed = []
    for result in results:
        link = result.link
        if link.page in sources.pages:
            found = sources.locate(link.page, link.url, link.text)
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
