"""Builds for the dev server: a quick one for the pages of edited notes, then the full site.

Each build collects what was reported (warnings and errors, `path:line: message` for problems
in the sources) and which pages changed, by comparing what was written with the last bytes
served for that file."""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterable

from jinja2 import TemplateError
from pelican.settings import read_settings

from ...core.pelican_api import forget_memoized
from ..linkcache import LINK_CACHE_SETTING, LinkCache
from .devpelican import BuildSuperseded, DevPelican, MemoryBytecodeCache
from .status import EVERY_PAGE, BuildOutcome, Problem

DEV_SETTINGS = {"STUDYFOLIO_LIVERELOAD": True}
WATCHED_LOGGERS = ("pelican", "studyfolio", "studyfolio.problems")  # the last does not propagate


class ProblemCollector(logging.Handler):
    """Keeps the warnings and errors logged during one build, in order, without repeats."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.problems: list[Problem] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        text, _, hint = message.partition("\n    hint: ")
        problem = Problem(text.strip(), hint.strip(), record.levelname.lower())
        if problem not in self.problems:
            self.problems.append(problem)


def describe(error: Exception) -> Problem:
    """An exception that stopped the build, as a report line (templates give path:line)."""
    if isinstance(error, TemplateError) and getattr(error, "lineno", None):
        where = getattr(error, "filename", None) or getattr(error, "name", None) or "template"
        return Problem(f"{where}:{error.lineno}: {getattr(error, 'message', error)}")
    return Problem(f"the build stopped: {type(error).__name__}: {error}")


def url_path(output: str, path: str) -> str:
    """`output/notes/x/index.html` as `/notes/x/`, the way the browser shows it."""
    relative = os.path.relpath(path, output).replace(os.sep, "/")
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return "/" + relative


def digest(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.blake2b(handle.read(), digest_size=16).hexdigest()
    except OSError:
        return None


class DevBuilder:
    """Owns the Pelican instance of a dev server and remembers what each page looked like."""

    def __init__(self, settings_file: str, overrides: dict):
        self.settings_file = settings_file
        self.overrides = {**overrides, **DEV_SETTINGS}
        self.pelican: DevPelican | None = None
        self.digests: dict[str, str | None] = {}

    @property
    def settings(self) -> dict:
        return self.pelican.settings

    def load(self) -> None:
        """Read the settings and register the plugins (again, when pelicanconf.py changed).

        The dev server keeps its content cache apart (CACHE_PATH/dev) and uncompressed:
        compressing the cache of a large site costs a fifth of a quick rebuild. A LinkCache
        lets unchanged notes skip wikilinks and backlinks; compiled templates are kept too."""
        settings = read_settings(self.settings_file, override=dict(self.overrides))
        settings["CACHE_PATH"] = os.path.join(settings["CACHE_PATH"], "dev")
        settings["GZIP_CACHE"] = False
        settings[LINK_CACHE_SETTING] = LinkCache()
        settings["JINJA_ENVIRONMENT"] = {
            **settings.get("JINJA_ENVIRONMENT", {}), "bytecode_cache": MemoryBytecodeCache()
        }
        self.pelican = DevPelican(settings)

    def changed_pages(self, written: Iterable[str]) -> list[str]:
        output = self.settings["OUTPUT_PATH"]
        changed = set()
        for path in written:
            if not path.endswith(".html"):
                continue
            new = digest(path)
            if self.digests.get(path) != new:
                changed.add(url_path(output, path))
            self.digests[path] = new
        return sorted(changed)

    def build(
        self,
        *,
        only_sources: set[str] | None = None,
        every_page: bool = False,
        superseded: Callable[[], bool] = lambda: False,
    ) -> BuildOutcome:
        """One build; `only_sources` writes just those notes' pages and skips the search index."""
        if self.pelican is None:
            self.load()
        pelican = self.pelican
        pelican.only_sources = only_sources
        pelican.skip_search_index = only_sources is not None
        pelican.superseded = superseded if only_sources is None else (lambda: False)
        pelican.written = []
        forget_memoized()
        collector = ProblemCollector()
        loggers = [logging.getLogger(name) for name in WATCHED_LOGGERS]
        for logger in loggers:
            logger.addHandler(collector)
        started = time.perf_counter()
        ok = True
        errors: list[Problem] = []
        try:
            pelican.run()
        except BuildSuperseded:
            raise
        except (Exception, SystemExit) as error:  # the page must show why, not the terminal only
            ok = False
            errors.append(describe(error))
            logging.getLogger("studyfolio").error("%s", errors[-1].text)
        finally:
            for logger in loggers:
                logger.removeHandler(collector)
        changed = self.changed_pages(pelican.written)
        if every_page:
            changed = [EVERY_PAGE]
        problems = collector.problems + [e for e in errors if e not in collector.problems]
        return BuildOutcome(
            ok=ok, problems=problems, changed=changed, seconds=time.perf_counter() - started
        )
