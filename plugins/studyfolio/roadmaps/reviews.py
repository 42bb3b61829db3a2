"""Which cards have been reviewed, from the review log `content/reviews.jsonl`.

One JSON object a line: {"card": id, "at": ISO-8601 UTC, "rating": 1-4, "ms": int}. A card is
reviewed when it has at least one line. Malformed lines are skipped with a warning naming the
line; the file itself is never written here."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

from ..core.diagnostics import Diagnostic, Severity

HINT = 'each line is one review: {"card": "id", "at": "2026-09-01T10:00:00Z", "rating": 3, "ms": 4200}'


@dataclass
class ReviewLog:
    found: bool = False
    reviewed: set[str] = field(default_factory=set)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def problem(entry) -> str:
    if not isinstance(entry, dict):
        return "expected a JSON object"
    if not isinstance(entry.get("card"), str) or not entry["card"]:
        return "no card id"
    if not isinstance(entry.get("at"), str):
        return "no 'at' time"
    rating = entry.get("rating")
    if not isinstance(rating, int) or isinstance(rating, bool) or not 1 <= rating <= 4:
        return f"rating must be 1 to 4, got {json.dumps(rating)}"
    return ""


def read_reviews(path: str, display: str) -> ReviewLog:
    log = ReviewLog()
    if not os.path.exists(path):
        return log
    log.found = True
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as error:
                reason = f"not JSON ({error.msg})"
            else:
                reason = problem(entry)
                if not reason:
                    log.reviewed.add(entry["card"])
                    continue
            log.diagnostics.append(
                Diagnostic(display, number, f"skipped a malformed review: {reason}", HINT, Severity.WARNING)
            )
    return log
