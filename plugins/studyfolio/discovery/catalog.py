"""Every note of the build, found by slug or title (case-insensitive), with its headings.

Wikilinks are resolved against it. A slug names one note; a title may name several, and
then the link is ambiguous. Drafts are known so a link to one can say so."""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from urllib.parse import quote

from markdown.extensions.toc import slugify

from ..core.metadata import split_list
from ..core.pelican_api import reader_html
from ..core.source import site_relative
from .fragments import parse_fragment, plain_text

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True)
class Heading:
    id: str
    text: str
    level: int = 0  # 2 for <h2>; 0 for an anchor that is no heading (a block's ^id)


@dataclass
class NoteEntry:
    """One note: the Pelican content object and what links need to know about it."""

    content: object
    slug: str
    title: str
    path: str  # site-relative, for messages: content/notes/x.md
    key: str  # relative to PATH, as Pelican's {filename} links want it: notes/x.md
    draft: bool
    aliases: tuple[str, ...] = ()  # other titles (a vault note's `aliases`)
    tree: object = None  # the parsed content, shared by the passes of one build
    headings: tuple[Heading, ...] = ()

    @functools.cached_property
    def url(self) -> str:
        """The page's URL relative to the site (notes/x/); Pelican formats it on every call."""
        return self.content.url

    @property
    def link(self) -> str:
        """A Pelican {filename} link; the path quoted, so `&`, `#` or `?` in a file name stay in it."""
        return "{filename}/" + quote(self.key)

    def parsed(self):
        """The note's HTML as a tree, parsed on first use."""
        if self.tree is None:
            self.tree = parse_fragment(reader_html(self.content))
        return self.tree



@dataclass(frozen=True)
class Lookup:
    """The outcome of finding a wikilink target: a note, or a problem with a hint."""

    entry: NoteEntry | None = None
    by_title: bool = False
    problem: str = ""
    hint: str = ""
    warning: str = ""  # found, with a doubt the learner should hear of


def suggest(value: str, choices: dict[str, str]) -> str:
    """'did you mean ...?' over `choices` (folded form -> shown form), or ''."""
    close = difflib.get_close_matches(value.casefold(), sorted(choices), n=3, cutoff=0.6)
    if not close:
        return ""
    return "did you mean " + " or ".join(f"'{choices[c]}'" for c in close) + "?"


def find_heading(headings: list[Heading], wanted: str) -> Heading | None:
    """The heading named `wanted` by its id, its text, or the id its text would get."""
    folded = wanted.casefold()
    as_id = slugify(wanted, "-")
    for heading in headings:
        if wanted == heading.id or as_id == heading.id or folded == heading.text.casefold():
            return heading
    return None


def headings_of(tree) -> tuple[Heading, ...]:
    return tuple(
        Heading(element.get("id"), plain_text(element), int(element.tag[1]))
        for element in tree.iter(*HEADING_TAGS)
        if element.get("id")
    )


def entry_headings(entry: NoteEntry) -> tuple[Heading, ...]:
    return headings_of(entry.parsed())


def path_names(key: str) -> list[str]:
    """The paths a wikilink may name a note by: `notes/algebra/x.md` as `notes/algebra/x`,
    `algebra/x` (folders from the top dropped one by one), folded."""
    parts = key.casefold().removesuffix(".md").split("/")
    return ["/".join(parts[start:]) for start in range(len(parts) - 1)]


def folder_of(entry: NoteEntry) -> str:
    return entry.key.rsplit("/", 1)[0] if "/" in entry.key else ""


def nearest(matches: list[NoteEntry], near: NoteEntry | None) -> NoteEntry | None:
    """Of notes sharing a name, the one in the linking note's folder, else the one nearest the
    top; None when two are equally near (two titles alike in one folder)."""
    same = [m for m in matches if near is not None and folder_of(m) == folder_of(near)]
    if len(same) == 1:
        return same[0]
    depth = min(m.key.count("/") for m in matches)
    top = [m for m in matches if m.key.count("/") == depth]
    return top[0] if len(top) == 1 and not same else None


class NoteCatalog:
    """Notes by folded slug and folded title."""

    def __init__(self, entries: list[NoteEntry]):
        self.entries = sorted(entries, key=lambda e: e.key)
        self.by_slug: dict[str, NoteEntry] = {}
        self.by_title: dict[str, list[NoteEntry]] = {}
        self.by_content: dict[int, NoteEntry] = {}
        self.by_key = {entry.key: entry for entry in self.entries}
        self.by_path: dict[str, NoteEntry] = {}
        for entry in self.entries:
            self.by_slug.setdefault(entry.slug.casefold(), entry)
            stem = entry.key.rsplit("/", 1)[-1].rsplit(".", 1)[0]  # the file name: Obsidian links by it
            for title in {entry.title, *entry.aliases, stem}:
                self.by_title.setdefault(title.casefold(), []).append(entry)
            for path in path_names(entry.key):
                self.by_path.setdefault(path, entry)
            self.by_content[id(entry.content)] = entry

    @classmethod
    def build(cls, published: list, drafts: list, content_path: str, known_headings=None) -> NoteCatalog:
        """Entries for `published` and `drafts`; `known_headings(html, compute)` may remember
        headings between builds (see linkcache.py)."""
        entries = []
        for draft, group in ((False, published), (True, drafts)):
            for content in group:
                entry = NoteEntry(
                    content=content,
                    slug=content.slug,
                    title=str(content.title),
                    path=site_relative(content.source_path, content_path),
                    key=content.get_relative_source_path(),
                    draft=draft,
                    aliases=tuple(split_list(getattr(content, "aliases", "") or "")),
                )
                compute = functools.partial(entry_headings, entry)
                entry.headings = known_headings(reader_html(content), compute) if known_headings else compute()
                entries.append(entry)
        return cls(entries)

    @property
    def signature(self) -> int:
        """Changes when anything a link can resolve to changes: slugs, titles, headings, and
        what URLs are made of (date, category, language), without formatting every URL."""
        return hash(tuple(
            (e.key, e.slug, e.title, e.draft, e.headings, str(getattr(e.content, "date", "")),
             str(getattr(e.content, "category", "")), getattr(e.content, "lang", ""))
            for e in self.entries
        ))

    def entry_of(self, content) -> NoteEntry | None:
        return self.by_content.get(id(content))

    def find(self, target: str, *, from_draft: bool = False, near: NoteEntry | None = None) -> Lookup:
        """The note `target` names: a slug first, else a path (`folder/note`), else a title or
        alias. Of several notes with that title, the nearest to `near` (the linking note), as
        Obsidian picks it: in the same folder, else the one with the shortest path; a warning
        says which."""
        folded = target.casefold()
        entry = self.by_slug.get(folded) or self.by_path.get(folded.removesuffix(".md"))
        by_title = False
        warning = ""
        if entry is None:
            matches = self.by_title.get(folded, [])
            if len(matches) > 1:
                entry = nearest(matches, near)
                if entry is None:
                    return Lookup(
                        problem=f"ambiguous wikilink [[{target}]]: {len(matches)} notes have this "
                        "title: " + ", ".join(m.path for m in matches),
                        hint="link by slug instead: " + " or ".join(f"[[{m.slug}]]" for m in matches),
                    )
                warning = (f"[[{target}]] could mean {len(matches)} notes: "
                           + ", ".join(m.path for m in matches) + f"; it links to {entry.path}, the nearest")
            else:
                entry = matches[0] if matches else None
            by_title = True
        if entry is None:
            names = {e.slug.casefold(): e.slug for e in self.entries if not e.draft}
            names.update({e.title.casefold(): e.title for e in self.entries if not e.draft})
            return Lookup(
                problem=f"unknown note in [[{target}]]",
                hint=suggest(target, names)
                or "link a note by its file name without .md (its slug) or by its title",
            )
        if entry.draft and not from_draft:
            return Lookup(
                problem=f"[[{target}]] links to a draft ({entry.path})",
                hint="publish it (remove `Status: draft`) or remove the link",
            )
        return Lookup(entry=entry, by_title=by_title, warning=warning,
                      hint="link by path to choose: " + " or ".join(
                          f"[[{m.key.rsplit('.', 1)[0]}]]" for m in self.by_title.get(folded, []))
                      if warning else "")
