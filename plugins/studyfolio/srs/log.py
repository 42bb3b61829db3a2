"""The review log: one review a line in content/reviews.jsonl, read, checked, merged, appended.

A review is `{"card": id, "at": ISO-8601 UTC, "rating": 1-4, "ms": duration}`, dated from
2000 to 2099. The log is append-only: bad lines are reported and left where they are. Each
append is whole lines, on disk before it returns, under a lock; the one rewrite is of a last
line a crash cut short, dropped (the file kept as `.bak`) before the next append. Two logs
merge as a set union on (card, at); when two entries share that key (the same review written
twice with different details), the lower (rating, ms) wins, so merging in any order gives the
same result."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import json
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import NamedTuple

from ..core.diagnostics import Diagnostic, Severity
from ..core.report import extra_diagnostics
from ..core.settings import content_file
from ..core.shared import REVIEW_LOG
from ..core.source import site_relative

FIELDS = ("card", "at", "rating", "ms")
RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
EXAMPLE = '{"card": "variance-1a2b3c4d", "at": "2026-10-01T09:30:00Z", "rating": 3, "ms": 5200}'


class Review(NamedTuple):
    """One rating of one card. `at` is an aware UTC time with at most millisecond precision."""

    card: str
    at: datetime
    rating: int
    ms: int

    @property
    def key(self) -> tuple[str, datetime]:
        return (self.card, self.at)

    @property
    def at_ms(self) -> int:
        return int(self.at.timestamp()) * 1000 + self.at.microsecond // 1000

    def to_json(self) -> dict:
        return {"card": self.card, "at": format_at(self.at), "rating": self.rating, "ms": self.ms}

    def line(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False)


def format_at(at: datetime) -> str:
    """`2026-10-01T09:30:00Z`, with `.123` before the Z only when there are milliseconds."""
    at = at.astimezone(UTC)
    text = at.strftime("%Y-%m-%dT%H:%M:%S")
    if at.microsecond:
        text += f".{at.microsecond // 1000:03d}"
    return text + "Z"


EARLIEST, LATEST = datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
AT_SHAPE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?(?:Z|\+00:00)")


def parse_at(value) -> datetime:
    """`2026-10-01T09:30:00Z` (optionally .123 milliseconds; +00:00 for Z); ValueError otherwise.

    The same shape as the review page's check, so both sides accept the same files."""
    expected = "an ISO-8601 UTC time like 2026-10-01T09:30:00Z"
    if not isinstance(value, str) or not AT_SHAPE.fullmatch(value):
        raise ValueError(f"'at' must be {expected}, got {json.dumps(value)}")
    try:
        at = datetime.fromisoformat(value).astimezone(UTC)
    except ValueError:
        raise ValueError(f"'at' is not a real time: {json.dumps(value)}") from None
    if not EARLIEST <= at < LATEST:  # later dates overflow every schedule computed from them
        raise ValueError(f"'at' is out of range: {json.dumps(value)} (a review is dated from 2000 to 2099)")
    return at


def review_from_json(data) -> Review:
    """A Review from one decoded JSON value; ValueError naming what is wrong."""
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object like {EXAMPLE}")
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise ValueError(f"unknown key '{unknown[0]}' (a review has {', '.join(FIELDS)})")
    missing = [name for name in FIELDS if name not in data]
    if missing:
        raise ValueError(f"missing '{missing[0]}' (a review has {', '.join(FIELDS)})")
    card, rating, ms = data["card"], data["rating"], data["ms"]
    if not isinstance(card, str) or not card.strip() or card != card.strip():
        raise ValueError(f"'card' must be a card id (a non-empty string), got {json.dumps(card)}")
    at = parse_at(data["at"])
    if isinstance(rating, bool) or rating not in RATINGS:
        names = ", ".join(f"{n} ({name})" for n, name in RATINGS.items())
        raise ValueError(f"'rating' must be one of {names}, got {json.dumps(rating)}")
    if isinstance(ms, bool) or not isinstance(ms, int) or ms < 0:
        raise ValueError(f"'ms' must be a whole number of milliseconds (0 or more), got {json.dumps(ms)}")
    return Review(card, at, rating, ms)


def winner(a: Review, b: Review) -> Review:
    """Of two entries with one key, the one every merge keeps."""
    return min(a, b, key=lambda r: (r.rating, r.ms))


def merge(*logs: Iterable[Review]) -> list[Review]:
    """The set union of `logs` on (card, at), in time order; the same whatever the order of logs."""
    kept: dict[tuple[str, datetime], Review] = {}
    for log in logs:
        for review in log:
            old = kept.get(review.key)
            kept[review.key] = review if old is None else winner(old, review)
    return sorted(kept.values(), key=lambda r: (r.at, r.card))


@dataclass
class LogRead:
    """What a read of content/reviews.jsonl found: the reviews (merged) and the problems."""

    path: str
    found: bool = False
    reviews: list[Review] = field(default_factory=list)
    lines: dict[tuple[str, datetime], int] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)

    @functools.cached_property
    def reviewed(self) -> set[str]:
        """The ids of the cards with at least one review."""
        return {review.card for review in self.reviews}

    def problem(self, line: int, message: str, hint: str, warning: bool = False) -> None:
        severity = Severity.WARNING if warning else Severity.ERROR
        self.problems.append(Diagnostic(self.path, line, message, hint, severity))


BAD_LINE_HINT = (
    f"each line holds one review, e.g. {EXAMPLE}; the line is kept in the file but not used"
)


def read_log(path: str, display: str | None = None) -> LogRead:
    """Read the log at `path` (missing is empty); `display` is the path used in reports. A line
    that is not UTF-8 or not a review is reported and skipped; every other line is used."""
    result = LogRead(path=display or path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return result
    result.found = True
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a byte-order mark some editors write: not part of the first review
    found: dict[tuple[str, datetime], Review] = {}
    raw_lines = data.split(b"\n")
    for number, raw in enumerate(raw_lines, start=1):
        unfinished = number == len(raw_lines) and bool(raw.strip())
        hint = UNFINISHED_HINT if unfinished else BAD_LINE_HINT
        try:
            text = raw.decode("utf-8").strip()
        except UnicodeDecodeError as error:
            result.problem(number, f"not UTF-8 (byte {error.start + 1} of the line is 0x{raw[error.start]:02x})", hint)
            continue
        if not text:
            continue
        try:
            review = review_from_json(json.loads(text))
        except json.JSONDecodeError as error:
            result.problem(number, f"not valid JSON: {error.msg} (column {error.colno})", hint)
            continue
        except ValueError as error:
            result.problem(number, str(error), hint)
            continue
        old = found.get(review.key)
        if old is None:
            found[review.key] = review
            result.lines[review.key] = number
        elif old != review:
            first = result.lines[review.key]
            kept = winner(old, review)
            found[review.key] = kept
            result.problem(
                number,
                f"review of '{review.card}' at {format_at(review.at)} is also on line {first}"
                f" with other details; rating {kept.rating}, {kept.ms} ms is used",
                "one card cannot be reviewed twice at one instant; delete the wrong line",
                warning=True,
            )
    result.reviews = sorted(found.values(), key=lambda r: (r.at, r.card))
    return result


def build_log(context: dict, settings: dict) -> LogRead:
    """The build's one read of the log (STUDYFOLIO_REVIEWS): read by the first plugin that asks
    (the roadmaps or the review page), its problems reported once, the same reviews for both."""
    log = REVIEW_LOG.get(context)
    if log is None:
        path = content_file(settings, "STUDYFOLIO_REVIEWS")
        log = REVIEW_LOG.put(context, read_log(path, display=site_relative(path, settings["PATH"])))
        extra_diagnostics(context).extend(log.problems)
    return log


UNFINISHED_HINT = (
    "the last line has no line end: a write cut short (a crash?); the next review or import"
    " drops it and keeps the file as it was in reviews.jsonl.bak"
)


@contextlib.contextmanager
def locked_log(path: str):
    """The log, locked against every other Studyfolio command for the block (opened to append,
    created if missing): two imports at once take turns, so neither writes what the other did."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "ab") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield handle
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def ends_whole(path: str) -> bool:
    """Whether the log is empty or ends with a line end (read from its last byte only)."""
    with open(path, "rb") as handle:
        if not handle.seek(0, os.SEEK_END):
            return True
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def drop_unfinished_line(path: str) -> str | None:
    """When the log ends in a line a crash cut short (no line end, not a review), keep the file
    as `path.bak` and cut that line off; the backup's path, if it did. A whole review written
    without its line end is kept (given its end by the next append)."""
    if ends_whole(path):
        return None
    with open(path, "rb") as handle:
        data = handle.read()
    start = data.rfind(b"\n") + 1
    try:
        review_from_json(json.loads(data[start:].decode("utf-8")))
        return None
    except (UnicodeDecodeError, ValueError):  # JSONDecodeError is a ValueError
        pass
    backup = f"{path}.bak"
    shutil.copy2(path, backup)
    with open(path, "r+b") as handle:
        handle.truncate(start)
        handle.flush()
        os.fsync(handle.fileno())
    return backup


def append_reviews(path: str, reviews: Iterable[Review], handle=None) -> int:
    """Append `reviews` to the log at `path` (created if missing) as whole lines, on disk before
    it returns; how many were written. `handle` is the log already locked by `locked_log`."""
    lines = [review.line() + "\n" for review in reviews]
    if not lines:
        return 0
    if handle is not None:
        return write_lines(path, handle, lines)
    with locked_log(path) as own:
        return write_lines(path, own, lines)


def take_back(path: str, review: Review) -> bool:
    """Remove `review` from the log if it is still the last line (an undo right after the
    rating was saved); whether it did. Nothing else is touched: a line appended since by
    another command keeps the review where it is."""
    ending = (review.line() + "\n").encode("utf-8")
    with locked_log(path) as handle:
        size = os.path.getsize(path)
        if size < len(ending):
            return False
        with open(path, "rb") as reader:
            reader.seek(size - len(ending))
            if reader.read() != ending:
                return False
        handle.truncate(size - len(ending))
        os.fsync(handle.fileno())
        return True


def write_lines(path: str, handle, lines: list[str]) -> int:
    drop_unfinished_line(path)
    text = ("" if ends_whole(path) else "\n") + "".join(lines)
    handle.write(text.encode("utf-8"))
    handle.flush()
    os.fsync(handle.fileno())
    return len(lines)
