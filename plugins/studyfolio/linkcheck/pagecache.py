"""What earlier builds read in each output page, by the digest of its bytes: a page whose
bytes did not change is not parsed again.

Parsing is most of the internal check's time (about 2 ms for a large page). A build rewrites
every file, so dates say nothing; the bytes' SHA-256 does (hashing costs a few per cent of a
parse). Used when the build cache is on (Pelican's LOAD_CONTENT_CACHE, as `make html` and
`make serve` have it); a missing, unreadable or older file is an empty cache. The file holds
only the pages of the last run, so it never grows beyond one site."""

from __future__ import annotations

import hashlib
import marshal
import os

from ..core.atomic import ReplaceOnClose
from .collect import Page, parse_page, read_bytes

PAGES_FILE = os.path.join("linkcheck", "pages.marshal")
VERSION = 1


class PageCache:
    """path -> (digest, base, urls, anchors) of the last run; `page()` answers from it or
    parses, and remembers every page of this run for `save()` (and for the next run in this
    process, when `previous` came from memory: a dev server's builds)."""

    def __init__(self, path: str | None, previous: dict[str, tuple] | None = None):
        self.path = path
        self.previous: dict[str, tuple] = previous or {}
        self.current: dict[str, tuple] = {}
        self.remembers = bool(path) or previous is not None
        self.parsed = 0

    def load(self) -> PageCache:
        if not self.path:
            return self
        try:
            with open(self.path, "rb") as handle:
                data = marshal.load(handle)
        except (OSError, EOFError, ValueError, TypeError):
            return self
        if isinstance(data, tuple) and len(data) == 2 and data[0] == VERSION and isinstance(data[1], dict):
            self.previous = data[1]
        return self

    def read(self, output: str, path: str) -> Page:
        return self.page(path, read_bytes(output, path))

    def page(self, path: str, data: bytes) -> Page:
        """The page as parsed from `data`, or as remembered when its bytes are the same."""
        if not self.remembers:
            self.parsed += 1
            return parse_page(path, data)
        digest = hashlib.sha256(data).digest()
        entry = self.previous.get(path)
        if isinstance(entry, tuple) and len(entry) == 4 and entry[0] == digest:
            page = Page(path, entry[1], entry[2], entry[3])
        else:
            page = parse_page(path, data)
            self.parsed += 1
        self.current[path] = (digest, page.base, page.urls, page.anchors)
        return page

    def save(self) -> None:
        """Write whole (core/atomic: a temporary file of its own, moved over the old one)."""
        if not self.path:
            return
        os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
        with ReplaceOnClose(self.path, encoding=None) as handle:
            marshal.dump((VERSION, dict(sorted(self.current.items()))), handle)
