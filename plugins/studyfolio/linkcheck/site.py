"""Collect every link of a built site into `Link` records, internal and external apart, and
place the ones to report: in their note when it has them written, else in the page."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .collect import Page, link_details, read_page, read_site
from .internal import SiteIndex
from .locate import SourceMap, display_path
from .records import Link, Result, Status, Verdict

# A failing link found on more pages than this comes from the theme: its text is not looked
# for in notes (that would read every page again for nothing).
THEME_PAGES = 20


@dataclass
class SiteLinks:
    """The built site's links: (page, url, target) on this site and links leaving it."""

    output: str
    root: str
    index: SiteIndex
    internal: list[tuple[Page, str, str]]  # Link records are made only when needed
    external: list[Link]
    pages: int

    @classmethod
    def read(cls, output: str, siteurl: str, sources: SourceMap, read=read_page) -> SiteLinks:
        files, pages = read_site(output, read)
        index = SiteIndex(files, pages, siteurl)
        internal, external = [], []
        absolute: dict[str, tuple[str, bool]] = {}  # '/x/' links, the same on every page
        for page in pages:
            shown = ""
            base = index.page_url(page)
            for url in page.urls:
                known = absolute.get(url) if not page.base else None
                if known is None:
                    target = index.resolve(base, url)
                    known = (target, index.internal_path(target) is not None)
                    if url.startswith("/") and not page.base:
                        absolute[url] = known
                target, on_site = known
                if on_site:
                    internal.append((page, url, target))
                    continue
                shown = shown or display_path(os.path.join(output, page.path), sources.root)
                external.append(Link(url, target, page.path, shown, 0))
        return cls(output, sources.root, index, internal, external, len(pages))

    def check_internal(self, *, every: bool = True, exclude: Sequence[re.Pattern] = ()) -> list[Result]:
        """Verdicts for internal links (only the failures unless `every`): whether the page,
        file and anchor they point at exist. `exclude` patterns are matched against the
        link's site path with its query ('/review/?note=x'): a static site ignores queries,
        so links that differ only there share a target and are reported together."""
        known: dict[object, tuple[Verdict, bool]] = {}  # verdict, and whether it failed
        results = []
        index = self.index
        shown_paths: dict[str, str] = {}
        for page, url, target in self.internal:
            key: object = target
            if "#" in target:  # an anchor's wording: "on this page" or "in /other/"
                path = index.internal_path(target)
                key = (target, path is not None and index.target_file(path) == page.path)
            entry = known.get(key)
            if entry is None:
                verdict = self.verdict(page, target, exclude)
                entry = known[key] = (verdict, verdict.status.failed)
            verdict, failed = entry
            if every or failed:
                shown = shown_paths.get(page.path)
                if shown is None:
                    shown = shown_paths[page.path] = display_path(
                        os.path.join(self.output, page.path), self.root)
                checked = target.partition("#")[0].partition("?")[0]
                fragment = target.partition("#")[2]
                checked += f"#{fragment}" if fragment else ""
                results.append(Result(Link(url, checked, page.path, shown, 0), verdict))
        return results

    def verdict(self, page: Page, target: str, exclude: Sequence[re.Pattern]) -> Verdict:
        site_path = self.index.site_path(target)
        for pattern in exclude:
            if pattern.search(site_path):
                return Verdict(Status.EXCLUDED, f"matches exclude pattern '{pattern.pattern}'")
        return self.index.check(page, target)


def place(results: list[Result], sources: SourceMap, output: str, *,
          every_line: bool = True) -> list[Result]:
    """Point each result at the note and line where its link is written: found there by the
    link as written, else by its text (a rewritten `{filename}` link); the rest at their line
    in the page. With `every_line` false only the first page of each group gets its line: the
    build reports a theme link once (see report.condense)."""
    details: dict[str, dict[str, tuple[int, str]]] = {}

    def detail(link: Link) -> tuple[int, str]:
        if link.page not in details:
            details[link.page] = link_details(output, link.page)
        return details[link.page].get(link.url, (1, ""))

    placed: list[Result | None] = []
    groups: dict[tuple, list[int]] = {}
    for number, result in enumerate(results):
        link = result.link
        found = sources.locate(link.page, link.url) if link.page in sources.pages else None
        if found or not link.page:
            if found:
                link = link._replace(path=found[0], line=found[1], in_source=True)
            placed.append(result._replace(link=link))
            continue
        placed.append(None)
        groups.setdefault((link.target, result.verdict), []).append(number)
    for members in groups.values():
        pages = {results[n].link.page for n in members}
        members.sort(key=lambda n: results[n].link.path)
        first_page = results[members[0]].link.page  # every link on it gets its line
        for number in members:
            result = results[number]
            link = result.link
            found = None
            if len(pages) <= THEME_PAGES and link.page in sources.pages:
                line, text = detail(link)
                found = sources.locate(link.page, "", text) if text else None
            if found:
                link = link._replace(path=found[0], line=found[1], in_source=True)
            elif every_line or link.page == first_page:
                link = link._replace(line=detail(link)[0])
            placed[number] = result._replace(link=link)
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
