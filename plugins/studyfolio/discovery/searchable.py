"""Which parts of the built site hold searchable pages, so Pagefind reads only those.

Pagefind indexes only pages marked `data-pagefind-body` once any page is marked, but it still
reads and parses every HTML file it is given. On a site with many flashcards most of the HTML
is deck pages, tag pages and the like, none of them marked: reading them cost two thirds of the
indexing time. This module finds the top-level folders (and top-level files) that hold a marked
page and turns them into Pagefind's `--glob`, so the index is the same and the work is not."""

from __future__ import annotations

import os

MARKER = b"data-pagefind-body"
# The marker sits on the opening tag of the page's main content, after the site header.
HEAD_BYTES = 32_768
# Names that would change the meaning of the glob: such a site is indexed whole.
GLOB_SPECIAL = set("{}[]*?,!\\")


def is_marked(path: str) -> bool:
    with open(path, "rb") as handle:
        return MARKER in handle.read(HEAD_BYTES)


def folder_has_marked_page(folder: str) -> bool:
    for parent, _dirs, files in os.walk(folder):
        if any(name.endswith(".html") and is_marked(os.path.join(parent, name)) for name in files):
            return True
    return False


def searchable_glob(site: str, skip: tuple[str, ...] = ()) -> str | None:
    """A Pagefind glob covering every marked page of `site` (top-level folders that hold one, as
    `folder/**/*.html`, and marked top-level files); None to let Pagefind read the whole site
    (no page is marked, or a name would need escaping). `skip`: top-level names to leave out
    (the search bundle itself)."""
    parts = []
    with os.scandir(site) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.name in skip:
                continue
            if entry.is_dir():
                if folder_has_marked_page(entry.path):
                    parts.append(f"{entry.name}/**/*.html")
            elif entry.name.endswith(".html") and is_marked(entry.path):
                parts.append(entry.name)
    if not parts or any(GLOB_SPECIAL & set(part.removesuffix("/**/*.html")) for part in parts):
        return None
    return parts[0] if len(parts) == 1 else "{" + ",".join(parts) + "}"
