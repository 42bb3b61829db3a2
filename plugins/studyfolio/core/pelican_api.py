"""The one door to Pelican's internals: every use of its private attributes is here.

Pelican has no public way to change a note's HTML after reading it, to clear what it
memoized, to hand a build the reader cache of the last one, or to write a page whole. These
functions do, for the Pelican versions pyproject.toml allows (4.11 and 4.12); each is tested
in tests/core/test_pelican_api.py, so a Pelican release that changes one fails there first.
Plugins never touch an attribute of a Pelican object that starts with `_`; they ask here."""

from __future__ import annotations

from pelican import Pelican
from pelican.contents import Content
from pelican.log import LimitFilter
from pelican.readers import MarkdownReader
from pelican.writers import Writer


def reader_html(content: Content) -> str:
    """The HTML the reader produced, before Pelican resolves {filename} and {static} links
    (asking for `content.content` too early would memoize links it cannot resolve yet)."""
    return content._content


def replace_html(content: Content, html: str, summary: str | None = None) -> None:
    """New HTML (and summary) for `content`, dropping what Pelican memoized of the old one."""
    content._content = html
    if summary is not None:
        content.metadata["summary"] = content._summary = summary
    for method in (type(content).get_content, type(content).get_summary):
        for key in [key for key in method.cache if key and key[0] is content]:
            del method.cache[key]


def prepend_html(content: Content, html: str) -> None:
    replace_html(content, html + reader_html(content))


def forget_memoized() -> None:
    """Pelican keeps per-process state a long-running server must clear before each build:
    memoized content and summaries (keyed by content objects, so they only grow) and the log
    de-duplication that would hide a problem reported again by a later build."""
    for method in (Content.get_content, Content.get_summary):
        method.cache.clear()
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


def formatted_metadata(reader: MarkdownReader, md, source_path: str, meta: dict) -> dict:
    """Pelican's reading of the metadata `meta` ({key: [values]}), its formatted fields
    (Summary:) converted by `md`, as MarkdownReader.read would do it."""
    reader._md, reader._source_path = md, source_path
    return MarkdownReader._parse_metadata(reader, meta)


def reader_cache_path(readers) -> str | None:
    """Where the readers' content cache lives on disk; None when content caching is off."""
    if not getattr(readers, "_cache_data_policy", False):
        return None
    return getattr(readers, "_cache_path", None)


def reader_cache(readers) -> dict:
    return readers._cache


def use_reader_cache(readers, cache: dict) -> None:
    """Make `readers` read and fill `cache` (an empty dict: every note is read again)."""
    readers._cache = cache


class WholePageWriter(Writer):
    """A writer whose files are replaced whole: `open_whole(filename, encoding)` gives the
    handle Pelican writes a new file to (`opening` hears of every file, new or not); a file
    written twice in one build keeps Pelican's own checks and messages."""

    def opening(self, filename: str) -> None:
        pass

    def open_whole(self, filename: str, encoding: str | None):
        raise NotImplementedError

    def _open_w(self, filename, encoding, override=False):
        self.opening(filename)
        if filename in self._written_files:
            return super()._open_w(filename, encoding, override=override)
        self._written_files.add(filename)
        if override:
            self._overridden_files.add(filename)
        return self.open_whole(filename, encoding)


class ChosenWriterPelican(Pelican):
    """Pelican that builds with `make_writer(base)`, `base` being the writer class Pelican
    would use (a plugin may have chosen another)."""

    def make_writer(self, base: type[Writer]) -> Writer:
        raise NotImplementedError

    def _get_writer(self):
        return self.make_writer(type(super()._get_writer()))
