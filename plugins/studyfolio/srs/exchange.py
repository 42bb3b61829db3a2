"""Review files that travel: the browser's export (read by `studyfolio reviews import`) and the
history the build publishes for the browser (`reviews.json`)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from .log import Review, review_from_json
from .scheduler import SchedulerConfig

EXPORT_FORMAT = "studyfolio-reviews"
EXPORT_VERSION = 1
HISTORY_FORMAT = "studyfolio-history"
HISTORY_VERSION = 1
SHOWN_PROBLEMS = 5


class ExportError(ValueError):
    """A file that is not a readable browser export; the message says why and what to do."""


def read_export(text: str) -> list[Review]:
    """The reviews of a browser export; ExportError for a broken file or a newer version."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ExportError(
            f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg});"
            " the file may be cut short: export it again from the review page"
        ) from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise ExportError(
            f'not a Studyfolio review export: expected {{"format": "{EXPORT_FORMAT}", ...}};'
            " use the Export button of the review page"
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ExportError(f"'version' must be a whole number from 1, got {json.dumps(version)}")
    if version > EXPORT_VERSION:
        raise ExportError(
            f"written by a newer Studyfolio (format version {version}); this one reads version"
            f" {EXPORT_VERSION}: update Studyfolio, then import again"
        )
    items = data.get("reviews")
    if not isinstance(items, list):
        raise ExportError("'reviews' must be a list of reviews")
    reviews, problems = [], []
    for index, item in enumerate(items, start=1):
        try:
            reviews.append(review_from_json(item))
        except ValueError as error:
            problems.append(f"review {index}: {error}")
    if problems:
        more = len(problems) - SHOWN_PROBLEMS
        shown = "; ".join(problems[:SHOWN_PROBLEMS]) + (f"; and {more} more" if more > 0 else "")
        raise ExportError(f"{len(problems)} broken review(s), nothing imported: {shown}")
    return reviews


def export_json(reviews: Iterable[Review]) -> str:
    """A browser-export document for `reviews` (what the review page's Export button writes)."""
    items = [r.to_json() for r in sorted(reviews, key=lambda r: (r.at, r.card))]
    document = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "reviews": items}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def history_json(reviews: Iterable[Review], config: SchedulerConfig, seeds: dict | None = None) -> str:
    """reviews.json: the scheduler settings and each card's reviews in time order, flat:
    `[at ms, rating, ms, at ms, rating, ms, ...]`.

    Grouped by card, flat and without spaces, so the review page reads and replays 50,000
    reviews quickly."""
    by_card: dict[str, list[int]] = defaultdict(list)
    for review in sorted(reviews, key=lambda r: (r.card, r.at)):
        by_card[review.card].extend((review.at_ms, review.rating, review.ms))
    document = {
        "format": HISTORY_FORMAT,
        "version": HISTORY_VERSION,
        "scheduler": config.to_json(),
        "history": dict(sorted(by_card.items())),
        **({"seeds": seeds} if seeds else {}),  # cards whose history starts from a carried-over schedule
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
