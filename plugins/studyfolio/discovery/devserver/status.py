"""What the dev server tells open pages: each build's outcome, as JSON over Server-Sent Events."""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import asdict, dataclass, field

EVERY_PAGE = "*"


@dataclass(frozen=True)
class Problem:
    """One line of the build's report: `path:line: message` where it has a place."""

    text: str
    hint: str = ""
    level: str = "error"


@dataclass
class BuildOutcome:
    number: int = 0
    ok: bool = True
    building: bool = False
    problems: list[Problem] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # URL paths, or "*" for every page
    seconds: float = 0.0
    finished_at: float = 0.0

    def as_json(self, server: str, stale: bool = False) -> dict:
        data = asdict(self)
        data["server"] = server
        data["stale"] = stale
        return data


class BuildStatus:
    """The latest outcome, and when each page last changed; listeners wait on a condition."""

    def __init__(self):
        self.server = uuid.uuid4().hex[:12]
        self.condition = threading.Condition()
        self.outcome = BuildOutcome()
        self.changed_at: dict[str, float] = {}
        self.closed = False

    def building(self) -> None:
        with self.condition:
            self.outcome = BuildOutcome(
                number=self.outcome.number, ok=self.outcome.ok, building=True,
                problems=self.outcome.problems, finished_at=self.outcome.finished_at,
            )
            self.condition.notify_all()

    def publish(self, outcome: BuildOutcome) -> None:
        with self.condition:
            outcome.number = self.outcome.number + 1
            outcome.finished_at = time.time()
            for path in outcome.changed:
                self.changed_at[path] = outcome.finished_at
            self.outcome = outcome
            self.condition.notify_all()

    def close(self) -> None:
        with self.condition:
            self.closed = True
            self.condition.notify_all()

    def page_stale(self, path: str, loaded_at: float) -> bool:
        """Did `path` (or every page) change after a page was loaded at `loaded_at`?"""
        with self.condition:
            changed = max(self.changed_at.get(path, 0.0), self.changed_at.get(EVERY_PAGE, 0.0))
        return changed > loaded_at

    def wait(self, seen: tuple[int, bool], timeout: float) -> BuildOutcome | None:
        """The outcome once it differs from `seen` (number, building), or None on timeout."""
        with self.condition:
            self.condition.wait_for(
                lambda: self.closed or (self.outcome.number, self.outcome.building) != seen,
                timeout=timeout,
            )
            if self.closed or (self.outcome.number, self.outcome.building) == seen:
                return None
            return self.outcome
