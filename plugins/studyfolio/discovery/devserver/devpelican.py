"""Pelican as the dev server drives it: write only the pages of chosen notes, record what was
written, wait with the search index, and stop a full build that a newer save made stale."""

from __future__ import annotations

from pelican import Pelican, signals
from pelican.contents import Content
from pelican.log import LimitFilter


class BuildSuperseded(Exception):
    """A newer save arrived while a full build was writing; it is dropped and started again."""


class DevWriterMixin:
    """Mixed into the writer class Pelican would use; `dev` is the DevPelican driving it."""

    dev: DevPelican

    def write_file(self, name, template, context, *args, **kwargs):
        if self.dev.superseded():
            raise BuildSuperseded(name)
        if self.dev.only_sources is not None:
            content = kwargs.get("article") or kwargs.get("page")
            if content is None or content.source_path not in self.dev.only_sources:
                return None
        return super().write_file(name, template, context, *args, **kwargs)

    def write_feed(self, *args, **kwargs):
        if self.dev.only_sources is not None:
            return None
        return super().write_feed(*args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        self.dev.written.append(filename)
        return super()._open_w(filename, encoding, override=override)


def reset_pelican_caches() -> None:
    """Pelican keeps per-process state a long-running server must clear before each build:
    memoized content and summaries (keyed by content objects, so they only grow) and the log
    de-duplication that would hide a problem reported again by a later build."""
    for method in (Content.get_content, Content.get_summary):
        method.cache.clear()
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


class DevPelican(Pelican):
    """Set `only_sources` (absolute source paths) for a quick build of those notes' pages;
    `skip_search_index` is read by the search plugin; `written` lists the files written."""

    def __init__(self, settings):
        self.only_sources: set[str] | None = None
        self.skip_search_index = False
        self.written: list[str] = []
        self.superseded = lambda: False
        super().__init__(settings)
        signals.article_generator_preread.connect(self.check_superseded)  # weak: goes with self

    def check_superseded(self, generator) -> None:
        """Before each note is read: stop a full build that a newer save made stale."""
        if generator.settings is self.settings and self.superseded():
            raise BuildSuperseded("reading")

    def _get_writer(self):
        base = type(super()._get_writer())
        writer_class = type("Dev" + base.__name__, (DevWriterMixin, base), {})
        writer = writer_class(self.output_path, settings=self.settings)
        writer.dev = self
        return writer
