"""Read the built site: every page's `href`/`src`/`srcset`/`poster` values and its anchors."""

from __future__ import annotations

import os
from typing import NamedTuple

from lxml import etree
from lxml import html as lxml_html

HTML_SUFFIXES = (".html", ".htm")
LINKED = etree.XPath("//*[@href or @src or @srcset or @poster]")
IDS = etree.XPath("//@id | //a/@name", smart_strings=False)
BASES = etree.XPath("//base/@href", smart_strings=False)
SKIPPED_RELS = {"preconnect", "dns-prefetch"}  # hints to the browser, not links a reader follows
# Links a plugin marked as already reported at their source, with a better message than ours:
# an unknown `res:` id points at the resources page, marked res-unknown (see resources/links.py).
ALREADY_REPORTED = {"res-unknown"}


class RawLink(NamedTuple):
    """A link value as written in a page, with its line in the HTML and its text."""

    url: str
    line: int
    text: str


class Page(NamedTuple):
    """One parsed HTML file: where it is, its base URL (from <base>), links and anchors."""

    path: str
    base: str
    links: tuple[RawLink, ...]
    anchors: frozenset[str]


def site_files(output: str) -> list[str]:
    """Every file in the output folder, site-relative with '/' separators, sorted."""
    found = []
    for folder, dirs, files in os.walk(output):
        dirs.sort()
        relative = os.path.relpath(folder, output)
        for name in files:
            path = name if relative == "." else os.path.join(relative, name)
            found.append(path.replace(os.sep, "/"))
    return sorted(found)


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset ('a.png 1x, b.png 2x')."""
    return [part.split()[0] for part in value.split(",") if part.strip()]


def parse_tree(data: bytes):
    if not data.strip():
        return None
    try:
        return lxml_html.document_fromstring(data, parser=PARSER)
    except (etree.ParserError, ValueError):
        return None


PARSER = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True)


def read_page(output: str, path: str) -> Page:
    """Parse one output HTML file; an empty or unreadable one has no links and no anchors."""
    with open(os.path.join(output, path), "rb") as handle:
        tree = parse_tree(handle.read())
    if tree is None:
        return Page(path, "", (), frozenset())
    anchors = frozenset(IDS(tree))
    base = next(iter(BASES(tree)), "")
    links = []
    for element in LINKED(tree):
        if element.tag == "base":
            continue
        rel = set((element.get("rel") or "").lower().split())
        if element.tag == "link" and rel & SKIPPED_RELS:
            continue
        if ALREADY_REPORTED.intersection((element.get("class") or "").split()):
            continue
        text = str(element.text_content()) if element.tag == "a" else (element.get("alt") or "")
        line = element.sourceline or 1
        for attribute in ("href", "src", "poster"):
            value = element.get(attribute)
            if value is not None:
                links.append(RawLink(value.strip(), line, text))
        if element.get("srcset"):
            links += [RawLink(url, line, text) for url in srcset_urls(element.get("srcset"))]
    return Page(path, str(base).strip(), tuple(links), anchors)


def read_site(output: str) -> tuple[list[str], list[Page]]:
    """All files of the site and the parsed pages among them."""
    files = site_files(output)
    pages = [read_page(output, path) for path in files if path.lower().endswith(HTML_SUFFIXES)]
    return files, pages
