"""Read the built site: every page's `href`/`src`/`srcset`/`poster` values and its anchors."""

from __future__ import annotations

import os
from typing import NamedTuple

from lxml import etree

HTML_SUFFIXES = (".html", ".htm")
# Elements that can link (HTML and inline SVG); iterating by tag is fast in lxml.
LINKING_TAGS = ("a", "area", "link", "img", "image", "use", "script", "source", "iframe",
                "video", "audio", "track", "embed", "input")
IDS = etree.XPath("//@id | //a/@name", smart_strings=False)
BASES = etree.XPath("//base/@href", smart_strings=False)
SKIPPED_RELS = {"preconnect", "dns-prefetch"}  # hints to the browser, not links a reader follows
# Links a plugin marked as already reported at their source, with a better message than ours:
# an unknown `res:` id points at the resources page, marked res-unknown (see resources/links.py).
ALREADY_REPORTED = {"res-unknown"}


class RawLink(NamedTuple):
    """A link value as written in a page, with its line in the HTML and the text a reader
    sees (alt text for images), to find the link in its note when its URL was rewritten."""

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


def read_page(output: str, path: str) -> Page:
    """Parse one output HTML file; an empty or unreadable one has no links and no anchors."""
    try:
        with open(os.path.join(output, path), "rb") as handle:
            tree = parse_tree(handle.read())
    except OSError:
        tree = None  # unreadable: nothing to check in it, and it is not this check's to report
    if tree is None:
        return Page(path, "", (), frozenset())
    anchors = frozenset(IDS(tree))
    base = next(iter(BASES(tree)), "")
    links = []
    for element in tree.iter(LINKING_TAGS):
        get = element.get
        tag = element.tag
        if tag == "a" and get("href") is None:
            continue
        if tag == "link" and SKIPPED_RELS.intersection((get("rel") or "").lower().split()):
            continue
        classes = get("class")
        if classes and ALREADY_REPORTED.intersection(classes.split()):
            continue
        line = element.sourceline or 1
        text = visible_text(element)
        if tag == "a":
            links.append(RawLink(get("href").strip(), line, text))
            continue
        for attribute in ("href", "src", "poster"):
            value = get(attribute)
            if value is not None:
                links.append(RawLink(value.strip(), line, text))
        if get("srcset"):
            links += [RawLink(url, line, text) for url in srcset_urls(get("srcset"))]
    return Page(path, str(base).strip(), tuple(links), anchors)


def visible_text(element) -> str:
    """A link's text, or an image's alt text. Plain text is read directly (most links);
    only links with markup inside pay for a walk of their children."""
    if element.tag != "a":
        return element.get("alt") or ""
    if len(element):
        return "".join(element.itertext())
    return element.text or ""


def read_site(output: str) -> tuple[list[str], list[Page]]:
    """All files of the site and the parsed pages among them."""
    files = site_files(output)
    pages = [read_page(output, path) for path in files if path.lower().endswith(HTML_SUFFIXES)]
    return files, pages
