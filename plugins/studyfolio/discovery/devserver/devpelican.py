"""Pelican as the dev server drives it: write only the pages of chosen notes, record what was
written, wait with the search index, and stop a full build that a newer save made stale."""

from __future__ import annotations

from jinja2 import BytecodeCache
from pelican import signals
from pelican.cache import FileDataCacher

from ...core.atomic import ReplaceOnClose
from ...core.pelican_api import (
    ChosenWriterPelican,
    WholePageWriter,
    reader_cache,
    reader_cache_path,
    use_reader_cache,
)


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

    def opening(self, filename: str) -> None:
        self.dev.written.append(filename)

    def open_whole(self, filename, encoding):
        """Pages are replaced whole: a tab reloading while a build writes never gets half a page
        (it would also lack the live-reload script at its end, and stay stale)."""
        return ReplaceOnClose(filename, encoding)


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept between builds (Pelican makes a new Jinja environment for every
    build); Jinja checks each template's source, so an edited template is compiled again."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.compiled.clear()


class DevPelican(ChosenWriterPelican):
    """Set `only_sources` (absolute source paths) for a quick build of those notes' pages;
    `skip_search_index` is read by the search plugin; `written` lists the files written.

    Pelican reads its content cache from disk for every build and writes it back; for a large
    site that is a third of a quick build. The dev server keeps each reader cache in memory
    between builds instead, and writes it to disk only in full builds."""

    def __init__(self, settings):
        self.only_sources: set[str] | None = None
        self.skip_search_index = False
        self.written: list[str] = []
        self.superseded = lambda: False
        self.reader_caches: dict[str, dict] = {}
        super().__init__(settings)
        signals.article_generator_preread.connect(self.check_superseded)  # weak: goes with self
        signals.generator_init.connect(self.keep_reader_cache)

    def run(self):
        loading = self.settings["LOAD_CONTENT_CACHE"]
        if self.reader_caches:
            self.settings["LOAD_CONTENT_CACHE"] = False  # memory holds the current cache
        try:
            return super().run()
        finally:
            self.settings["LOAD_CONTENT_CACHE"] = loading

    def keep_reader_cache(self, generator) -> None:
        """generator_init: hand this build's readers the cache the last build left in memory."""
        readers = getattr(generator, "readers", None)
        if generator.settings is not self.settings or not isinstance(readers, FileDataCacher):
            return
        path = reader_cache_path(readers)
        if path is None:
            return  # CACHE_CONTENT is off
        use_reader_cache(readers, self.reader_caches.setdefault(path, reader_cache(readers)))
        if self.only_sources is not None:
            readers.save_cache = lambda: None  # a quick build leaves the disk to the full one

    def check_superseded(self, generator) -> None:
        """Before each note is read: stop a full build that a newer save made stale."""
        if generator.settings is self.settings and self.superseded():
            raise BuildSuperseded("reading")

    def make_writer(self, base):
        writer_class = type("Dev" + base.__name__, (DevWriterMixin, WholePageWriter, base), {})
        writer = writer_class(self.output_path, settings=self.settings)
        writer.dev = self
        return writer
