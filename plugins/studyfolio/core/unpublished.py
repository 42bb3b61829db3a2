"""Notes that could not be published are reported like every other problem, with the reason.

Pelican logs a file its reader raised on as `Could not process notes/x.md` and nothing else
(the reason is only shown with --debug). The filter below takes that record while the
exception is still being handled, turns it into a `path:line: error: ...` problem and
drops Pelican's line; the report at the end of reading prints it with the others."""

from __future__ import annotations

import logging
import os
import sys

from .diagnostics import Diagnostic
from .folder_links import skip_repeated_folders
from .source import site_relative

PELICAN_GENERATORS = "pelican.generators"
COULD_NOT_PROCESS = "Could not process %s"
BUG_HINT = "this is a bug in Studyfolio or one of its plugins: report it with the note attached"


class NotPublished(Exception):
    """Raised by the reader for a file that cannot become a page; carries the problem."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class UnpublishedNotes(logging.Filter):
    """Collects the problems of the notes Pelican dropped during one build."""

    def __init__(self, content_path: str):
        super().__init__()
        self.content_path = content_path
        self.problems: list[Diagnostic] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg != COULD_NOT_PROCESS or not record.args:
            return True
        error = sys.exc_info()[1]
        if error is None:
            return True
        self.problems.append(self.problem(str(record.args[0]), error))
        return False

    def problem(self, relative: str, error: BaseException) -> Diagnostic:
        if isinstance(error, NotPublished):
            return error.diagnostic
        path = site_relative(os.path.join(self.content_path, relative), self.content_path)
        reason = f"{type(error).__name__}: {error}".strip().rstrip(":")
        return Diagnostic(path, 1, f"not published: {reason}", BUG_HINT)

    def take(self) -> list[Diagnostic]:
        taken, self.problems = self.problems, []
        return taken


def watch_unpublished(pelican) -> None:
    """At the start of each build: one filter on Pelican's generators logger, for this build,
    holding from the start the warnings about folder links that are not followed."""
    target = logging.getLogger(PELICAN_GENERATORS)
    for old in [f for f in target.filters if isinstance(f, UnpublishedNotes)]:
        target.removeFilter(old)
    watch = UnpublishedNotes(pelican.settings["PATH"])
    skip_repeated_folders(pelican.settings, watch.problems)
    target.addFilter(watch)


def unpublished_problems() -> list[Diagnostic]:
    """The problems the current build's filter collected (taken: each is reported once)."""
    for found in logging.getLogger(PELICAN_GENERATORS).filters:
        if isinstance(found, UnpublishedNotes):
            return found.take()
    return []
