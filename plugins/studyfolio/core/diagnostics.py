"""Problems found in the learner's sources, reported as `path:line: message` plus a hint."""

from __future__ import annotations

import difflib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

logger = logging.getLogger("studyfolio")


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

    def format(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class StrictModeError(Exception):
    """Raised at the end of a strict build that found problems; Pelican prints it and exits 1."""

    exitcode = 1


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """A 'did you mean' hint naming the closest choices, or '' when nothing is close."""
    close = difflib.get_close_matches(value, list(choices), n=3, cutoff=0.6)
    if not close:
        return ""
    return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"


def report(diagnostics: Iterable[Diagnostic], *, strict: bool) -> None:
    """Log every diagnostic in source order, then fail once with a count in strict mode."""
    items = sorted(set(diagnostics))
    for item in items:
        log = logger.error if item.severity is Severity.ERROR else logger.warning
        log("%s", item.format())
    errors = sum(1 for d in items if d.severity is Severity.ERROR)
    warnings = len(items) - errors
    if items:
        logger.warning("Studyfolio found %d error(s) and %d warning(s).", errors, warnings)
    if strict and items:
        raise StrictModeError(
            f"strict mode: {errors} error(s) and {warnings} warning(s) in the sources; "
            "fix them or build without STUDYFOLIO_STRICT"
        )
