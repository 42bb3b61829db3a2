"""Links from one note to others, wikilinks or ordinary links, each with the sentence around it.

An ordinary link counts when it reaches a note: `{filename}x.md`, `/notes/x/`, `../x/` or an
absolute URL on the site itself."""

from __future__ import annotations

import functools
import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from lxml import html as lxml_html

from .catalog import NoteCatalog, NoteEntry
from .fragments import FORMULA, tex_of, text_pieces

BLOCKS = {
    "p", "li", "dd", "dt", "td", "th", "blockquote", "figcaption", "summary",
    "h1", "h2", "h3", "h4", "h5", "h6", "pre", "div", "details", "section",
}  # fmt: skip
INTRASITE = re.compile(r"^[{|](filename)[|}](?P<path>[^#?]*)")
SENTENCE_END = re.compile(r"[.!?](?=\s)")
CONTEXT_CHARS = 140


@dataclass(frozen=True)
class Mention:
    """One link in its sentence: the words before it, its own text, the words after it. Each
    formula is a marker character while the sentence is cut; `formulas` holds (TeX, MathML)."""

    marked: tuple[str, str, str]
    formulas: tuple[tuple[str, str], ...] = ()

    def plain(self, part: int) -> str:
        """Text, a formula as its TeX."""
        return "".join(self.formulas[ord(c) - FORMULA][0] if self.is_formula(c) else c
                       for c in self.marked[part])

    def html(self, part: int) -> str:
        """Escaped text with each formula as the MathML the note shows."""
        return "".join(self.formulas[ord(c) - FORMULA][1] if self.is_formula(c) else html.escape(c)
                       for c in self.marked[part])

    def is_formula(self, char: str) -> bool:
        return FORMULA <= ord(char) < FORMULA + len(self.formulas)

    before = property(lambda self: self.plain(0))
    text = property(lambda self: self.plain(1))
    after = property(lambda self: self.plain(2))
    before_html = property(lambda self: self.html(0))
    text_html = property(lambda self: self.html(1))
    after_html = property(lambda self: self.html(2))


def clip_left(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[-limit:]
    return "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut


def clip_right(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"


def sentence_around(before: str, text: str, after: str, formulas=()) -> Mention:
    """Cut `before` and `after` at the sentence boundaries nearest to the link."""
    before, text, after = (re.sub(r"\s+", " ", part) for part in (before, text, after))
    ends = list(SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    end = SENTENCE_END.search(after + " ")
    if end:
        after = after[: end.end()]
    parts = (clip_left(before.lstrip(), CONTEXT_CHARS), text.strip(), clip_right(after.rstrip(), CONTEXT_CHARS))
    return Mention(parts, tuple(formulas))


def mention_of(link, container) -> Mention:
    """The sentence around `link`, read from its nearest block ancestor."""
    block = link.getparent()
    while block is not None and block is not container and block.tag not in BLOCKS:
        block = block.getparent()
    block = container if block is None else block
    before: list[str] = []
    inside: list[str] = []
    after: list[str] = []
    found: list = []
    for text, in_link in text_pieces(block, marked=link, formulas=found):
        (inside if in_link else after if inside else before).append(text)
    formulas = [
        (tex_of(math), lxml_html.tostring(math, encoding="unicode", with_tail=False)) for math in found
    ]
    return sentence_around("".join(before), "".join(inside), "".join(after), formulas)


class LinkMap:
    """Finds which note an href reaches, from a given note's page."""

    def __init__(self, catalog: NoteCatalog, siteurl: str):
        self.catalog = catalog
        site = urlsplit(siteurl or "")
        self.site_host = site.netloc
        self.site_path = site.path.rstrip("/")

    @functools.cached_property
    def by_path(self) -> dict[str, NoteEntry]:
        return {self.page_path(e): e for e in self.catalog.entries}

    @staticmethod
    def page_path(entry: NoteEntry) -> str:
        return "/" + entry.url

    def target(self, href: str, source: NoteEntry) -> NoteEntry | None:
        href = (href or "").strip()
        intrasite = INTRASITE.match(href)
        if intrasite:
            path = unquote(intrasite.group("path"))
            if path.startswith("/"):
                key = posixpath.normpath(path.lstrip("/"))
            else:
                key = posixpath.normpath(posixpath.join(posixpath.dirname(source.key), path))
            return self.catalog.by_key.get(key)
        parts = urlsplit(href)
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None
        if parts.netloc:
            if parts.netloc != self.site_host:
                return None
            path = parts.path
            if self.site_path and path.startswith(self.site_path):
                path = path[len(self.site_path) :]
        elif not parts.path:
            return None
        else:
            path = urlsplit(urljoin("/" + source.url, parts.path)).path
        path = unquote(path)
        if path.endswith("/index.html"):
            path = path[: -len("index.html")]
        return self.by_path.get(path)

    def mentions(self, source: NoteEntry) -> list[tuple[NoteEntry, Mention]]:
        """Every link from `source` to another published note, in reading order."""
        found = []
        tree = source.parsed()
        for link in tree.iter("a"):
            target = self.target(link.get("href", ""), source)
            if target is None or target is source or target.draft:
                continue
            found.append((target, mention_of(link, tree)))
        return found
