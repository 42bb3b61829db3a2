"""Read the built site: every page's `href`/`src`/`srcset`/`poster` values and its anchors.

Every build reads every page, so `parse_page` is the checker's hot path (Lexbor's HTML5
parser, selecting the linking elements and the ids in C). Where a link sits in the HTML and
what it says are looked up later with lxml, which knows source lines, and only for the few
links that need reporting (`link_details`)."""

from __future__ import annotations

import os
import re
from typing import NamedTuple

from lxml import etree
from selectolax.lexbor import LexborHTMLParser

HTML_SUFFIXES = (".html", ".htm")
# Links a plugin marked as already reported at their source, with a better message than ours:
# an unknown `res:` id points at the resources page, marked res-unknown (see resources/links.py).
ALREADY_REPORTED = ("res-unknown",)
SKIPPED_RELS = ("preconnect", "dns-prefetch")  # hints to the browser, not links to follow
SOURCES = ("img", "script", "source", "iframe", "video", "audio", "track", "embed", "input")


# Elements that can link (HTML and inline SVG): one walk over them by tag is the fast way.
LINKING_TAGS = ("a", "area", "link", "image", "use", *SOURCES)
LINKING_SELECTOR = ", ".join(LINKING_TAGS)
BASE_TAG = re.compile(rb"<base[\s/>]", re.IGNORECASE)
IDS = etree.XPath("//@id | //a/@name", smart_strings=False)  # for a tree already parsed


class Page(NamedTuple):
    """One parsed HTML file: where it is, its base URL (from <base>), links and anchors."""

    path: str
    base: str
    urls: tuple[str, ...]
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


# lxml's plain HTML parser: lxml.html's element classes cost a lookup per element.
PARSER = etree.HTMLParser(encoding="utf-8", remove_comments=True)


def parse_tree(data: bytes):
    """The document, or None when there is nothing to parse."""
    if not data.strip():
        return None
    try:
        return etree.fromstring(data, parser=PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def read_bytes(output: str, path: str) -> bytes:
    try:
        with open(os.path.join(output, path), "rb") as handle:
            return handle.read()
    except OSError:
        return b""  # unreadable: nothing to check in it, and it is not this check's to report


def read_tree(output: str, path: str):
    return parse_tree(read_bytes(output, path))


def parse_page(path: str, data: bytes) -> Page:
    """One output HTML file's links and anchors; an empty one has none. Every build reads
    every page, so this is the checker's hot path: Lexbor's HTML5 parser (through selectolax),
    about twice as fast as a libxml2 tree here, and it reads a page as browsers do. Anchors are
    `id`s anywhere (SVG and MathML too) and `name`s on `<a>`; an empty one is no anchor."""
    if not data.strip():
        return Page(path, "", (), frozenset())
    tree = LexborHTMLParser(data)
    anchors = set()
    for node in tree.css("[id], a[name]"):  # one walk; a node matching both comes twice
        anchors.add(node.id)
        if node.tag == "a":
            anchors.add(node.attributes.get("name"))
    anchors.discard("")
    anchors.discard(None)
    base = tree.css_first("base[href]") if BASE_TAG.search(data) else None  # rare: skip a walk
    urls = []
    for node in tree.css(LINKING_SELECTOR):
        attributes = node.attributes
        if node.tag == "a":  # most links: only href can link
            href = attributes.get("href")
            if href is not None and followed("a", attributes.get("class"), None):
                urls.append(href.strip())
        elif followed(node.tag, attributes.get("class"), attributes.get("rel")):
            urls += element_values(attributes.get)
    base_href = (base.attributes.get("href") or "") if base is not None else ""
    return Page(path, base_href.strip(), tuple(urls), frozenset(anchors))


def read_page(output: str, path: str) -> Page:
    """Parse one output HTML file (see `parse_page`)."""
    return parse_page(path, read_bytes(output, path))


def followed(tag: str, classes: str | None, rel: str | None) -> bool:
    """False for links the reader does not follow or another plugin already reported."""
    if classes and not set(classes.split()).isdisjoint(ALREADY_REPORTED):
        return False
    return tag != "link" or set((rel or "").lower().split()).isdisjoint(SKIPPED_RELS)


def link_elements(tree):
    """The elements of a page that link somewhere, in document order."""
    for element in tree.iter(LINKING_TAGS):
        if followed(element.tag, element.get("class"), element.get("rel")):
            yield element


def element_values(get) -> list[str]:
    """The URLs of one linking element, from `get(attribute)` (lxml's or Lexbor's)."""
    values = [v.strip() for v in map(get, ("href", "src", "poster")) if v is not None]
    return values + srcset_urls(get("srcset") or "")


def visible_text(element) -> str:
    """A link's text, or an image's alt text."""
    if element.tag != "a":
        return element.get("alt") or ""
    return "".join(element.itertext())


def link_details(output: str, path: str) -> dict[str, tuple[int, str]]:
    """url -> (line in the HTML, text a reader sees) of its first link on a page: read again
    only for pages with a link to report, to place it in its note or in the page."""
    tree = read_tree(output, path)
    details: dict[str, tuple[int, str]] = {}
    for element in link_elements(tree) if tree is not None else ():
        for value in element_values(element.get):
            details.setdefault(value, (element.sourceline or 1, visible_text(element)))
    return details


def read_site(output: str, read=read_page) -> tuple[list[str], list[Page]]:
    """All files of the site and the parsed pages among them (`read(output, path)` reads one:
    a PageCache's answers unchanged pages from the last run)."""
    files = site_files(output)
    pages = [read(output, path) for path in files if path.lower().endswith(HTML_SUFFIXES)]
    return files, pages
