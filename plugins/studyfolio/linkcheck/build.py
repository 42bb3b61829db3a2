"""Internal links on every build: map output to sources, then check the output at `finalized`."""

from __future__ import annotations

import gc
import logging
import os
import re
import time

from ..core.diagnostics import StrictModeError, report
from .classify import offline_verdict
from .config import SETTING, Config, ConfigError
from .locate import SourceMap, site_root
from .pagecache import PAGES_FILE, PageCache
from .records import Result
from .report import diagnostics
from .site import SiteLinks, failures, offline_results, place

logger = logging.getLogger("studyfolio")

MAP_FILE = os.path.join("linkcheck", "sources.json")
# Paths the dev server (`make serve`) answers itself, such as its live-reload script: they are
# never files of the output, so links to them are not checked.
DEV_SERVER_PATHS = re.compile(r"^/_studyfolio/")


def source_map_file(settings) -> str:
    """Where a build leaves its output->source map for `studyfolio linkcheck`."""
    return os.path.join(settings.get("CACHE_PATH", "cache"), MAP_FILE)


class BuildLinkCheck:
    """Link checking for one Pelican instance: its state lives here and is replaced each run."""

    def __init__(self, settings: dict):
        self.settings = settings
        self.sources: SourceMap | None = None
        # The pages the previous run of this instance read: a dev server's Pelican lives on and
        # rebuilds with its content cache in memory, not on disk.
        self.last_pages: dict[str, tuple] | None = None

    def collect_sources(self, generators) -> None:
        """At all_generators_finalized: which note each output page comes from."""
        if not generators or generators[0].settings is not self.settings:
            return  # another Pelican instance's build
        self.sources = SourceMap.from_generators(generators, self.settings["PATH"])

    def check(self, pelican) -> None:
        """At finalized: check every link of the output, report problems against the notes."""
        if pelican.settings is not self.settings:
            return
        sources, self.sources = self.sources, None
        if sources is None:
            sources = SourceMap(root=site_root(self.settings["PATH"]))
        output = pelican.output_path
        try:
            sources.save(source_map_file(self.settings), output)
        except OSError as error:  # the command then reports on output files; the build goes on
            logger.warning("Studyfolio could not keep the link map for `studyfolio linkcheck`: %s", error)
        strict = bool(self.settings.get("STUDYFOLIO_STRICT"))
        try:
            exclude = Config.from_settings(self.settings.get(SETTING)).exclude
        except ConfigError as error:
            for line in str(error).splitlines():
                logger.error("%s", line)
            if strict:
                raise StrictModeError(f"strict mode: fix {SETTING} in the settings") from None
            exclude = ()
        started = time.perf_counter()
        cache = page_cache(self.settings, self.last_pages)
        site, found = check_output(output, self.settings.get("SITEURL", ""), sources,
                                   (*exclude, DEV_SERVER_PATHS), cache)
        try:
            cache.save()
        except OSError as error:  # the next build parses every page again; this one is done
            logger.warning("Studyfolio could not keep the pages it read for the next build: %s", error)
        self.last_pages = cache.current
        logger.info("Studyfolio checked %d internal links on %d pages (%d parsed) in %.2f s.",
                    len(site.internal), site.pages, cache.parsed, time.perf_counter() - started)
        report(diagnostics(found, strict=strict), strict=strict)


def page_cache(settings, last_pages: dict[str, tuple] | None = None) -> PageCache:
    """The pages the last build read: kept in memory by this process's previous run, or from
    the build cache's file when it is on; else an empty one that keeps nothing."""
    if not settings.get("LOAD_CONTENT_CACHE"):
        return PageCache(None, last_pages)
    cache = PageCache(os.path.join(settings.get("CACHE_PATH", "cache"), PAGES_FILE), last_pages)
    return cache if last_pages is not None else cache.load()


def check_output(output: str, siteurl: str, sources: SourceMap, exclude=(),
                 cache: PageCache | None = None) -> tuple[SiteLinks, list[Result]]:
    """The build's check: internal links, and web links that are unsafe or malformed, placed
    at their notes. The garbage collector rests meanwhile: tens of thousands of small records
    without cycles would make it walk the build's whole heap again and again."""
    gc.disable()
    try:
        site = SiteLinks.read(output, siteurl, sources, (cache or PageCache(None)).read)
        found = site.check_internal(every=False, exclude=exclude)
        found += failures(offline_results(site.external, offline_verdict))
        return site, place(found, sources, output, every_line=False)
    finally:
        gc.enable()
