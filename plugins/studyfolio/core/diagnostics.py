"""Problems found in the learner's sources, reported as `path:line: message` plus a hint.

They are printed as plain lines, one a problem, whatever the terminal's width
(`path:line: error: message`, then `    hint: ...`), the form editors and CI problem matchers
read, not through Pelican's log columns. The records still go through `logging`, on the
`studyfolio.problems` logger, so the dev server collects them for its page."""

from __future__ import annotations

import difflib
import logging
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

PROBLEMS_LOGGER = "studyfolio.problems"
MAX_PER_FILE = 50


class PlainLines(logging.Handler):
    """Writes each problem as it is, to the stderr of the moment (a live status line of
    Pelican's redirects it, so the problems print above it)."""

    def emit(self, record: logging.LogRecord) -> None:
        diagnostic = getattr(record, "diagnostic", None)
        text = diagnostic.format(severity=True) if diagnostic else record.getMessage()
        try:
            if live_status():
                # The stream is the live status line's proxy, which would wrap long lines at
                # the terminal's width: print above the status line, unwrapped, instead.
                from pelican.log import console

                console.print(text, soft_wrap=True, markup=False, highlight=False, emoji=False)
                return
            sys.stderr.write(text + "\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            self.handleError(record)


def live_status() -> bool:
    """Whether stderr is redirected into a live status line (Pelican's "Generating...")."""
    module = sys.modules.get("rich.file_proxy")
    return module is not None and isinstance(sys.stderr, module.FileProxy)


def problems_logger() -> logging.Logger:
    found = logging.getLogger(PROBLEMS_LOGGER)
    if not any(isinstance(handler, PlainLines) for handler in found.handlers):
        found.addHandler(PlainLines())
        found.propagate = False
        found.setLevel(logging.INFO)  # the count after the problems is info
    return found


logger = problems_logger()


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place. `path` is relative to the site root (the folder of content/)."""

    path: str
    line: int
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def format(self, severity: bool = False) -> str:
        """`path:line: message` (with `error: `/`warning: ` before the message when asked),
        then the hint on an indented line."""
        level = f"{self.severity}: " if severity else ""
        place = f"{self.path}:{self.line}" if self.line else self.path  # 0: the whole file or folder
        text = f"{place}: {level}{self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class StrictModeError(SystemExit):
    """Raised at the end of a strict build that found problems: the build ends with its
    one-line message and exit status 1, no traceback (Pelican reports only Exceptions)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """A 'did you mean' hint naming the closest choices, or '' when nothing is close."""
    close = difflib.get_close_matches(value, list(choices), n=3, cutoff=0.6)
    if not close:
        return ""
    return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"


def shown(items: list[Diagnostic]) -> list[Diagnostic]:
    """The first MAX_PER_FILE problems of each file, then one line saying how many more: a
    generated note with thousands of the same mistake must not bury the rest."""
    result, per_file = [], {}
    for item in items:
        per_file[item.path] = per_file.get(item.path, 0) + 1
        if per_file[item.path] <= MAX_PER_FILE:
            result.append(item)
    for path, count in per_file.items():
        if count > MAX_PER_FILE:
            last = max(i.line for i in items if i.path == path)
            result.append(Diagnostic(path, last, f"{count - MAX_PER_FILE} more problem(s) in this "
                                     "file are not shown", "fix the ones above and build again",
                                     Severity.WARNING))
    return sorted(result)


def report(diagnostics: Iterable[Diagnostic], *, strict: bool) -> None:
    """Log the diagnostics in source order, then fail once with a count in strict mode."""
    items = sorted(set(diagnostics))
    for item in shown(items):
        log = logger.error if item.severity is Severity.ERROR else logger.warning
        log("%s", item.format(), extra={"diagnostic": item})
    errors = sum(1 for d in items if d.severity is Severity.ERROR)
    warnings = len(items) - errors
    if items:  # a count, not a problem: the dev server does not list it
        logger.info("Studyfolio found %d error(s) and %d warning(s).", errors, warnings)
    if strict and items:
        raise StrictModeError(
            f"strict mode: {errors} error(s) and {warnings} warning(s) in the sources; "
            "fix them or build without STUDYFOLIO_STRICT"
        )
