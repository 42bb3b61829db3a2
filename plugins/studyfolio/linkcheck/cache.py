"""Verdicts of working links kept in a file for a time-to-live; failures are always asked again.

A failure is remembered too, not as an answer but so the next run asks it once, without
retries (the run that found it already retried it) and with GET from the start (an error
answer to HEAD is always confirmed by GET, so a HEAD first would only add a round trip)."""

from __future__ import annotations

import json
import os
import time

from ..core.atomic import ReplaceOnClose
from .records import Status, Verdict

KEPT = {Status.OK, Status.REDIRECTED}
VERSION = 1


class LinkCache:
    """A JSON file of check key -> verdict and when it was found; load, get/put, save."""

    def __init__(self, path: str | None, ttl_hours: float, now: float | None = None):
        self.path = path
        self.ttl = ttl_hours * 3600
        self.now = time.time() if now is None else now
        self.entries: dict[str, dict] = {}
        self.hits = 0

    def load(self) -> LinkCache:
        """Read the file; a missing, unreadable or older-format file is an empty cache."""
        if not self.path:
            return self
        try:
            with open(self.path, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return self
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return self
        for key, entry in (data.get("links") or {}).items():
            if isinstance(entry, dict) and self.fresh(entry):
                self.entries[key] = entry
        return self

    def fresh(self, entry: dict) -> bool:
        checked = entry.get("checked")
        return (isinstance(checked, int | float) and 0 <= self.now - checked < self.ttl
                and entry.get("status") in {str(s) for s in Status})

    def get(self, key: str) -> Verdict | None:
        """The remembered verdict of a working link; None for failures and unknown links."""
        entry = self.entries.get(key)
        if entry is None or entry["status"] not in {str(s) for s in KEPT}:
            return None
        self.hits += 1
        return Verdict(Status(entry["status"]), entry.get("reason", ""), entry.get("code", 0),
                       entry.get("final", ""), entry.get("hint", ""))

    def failed_before(self, key: str) -> bool:
        entry = self.entries.get(key)
        return entry is not None and entry["status"] not in {str(s) for s in KEPT}

    def timed_out_before(self, key: str) -> bool:
        entry = self.entries.get(key)
        return entry is not None and entry["status"] == str(Status.TIMEOUT)

    def put(self, key: str, verdict: Verdict) -> None:
        self.entries[key] = {"status": str(verdict.status), "reason": verdict.reason,
                             "code": verdict.code, "final": verdict.final,
                             "hint": verdict.hint, "checked": self.now}

    def save(self) -> None:
        """Write whole (core/atomic: a temporary file of its own, moved over the old one)."""
        if not self.path:
            return
        os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
        with ReplaceOnClose(self.path) as handle:
            json.dump({"version": VERSION, "links": dict(sorted(self.entries.items()))},
                      handle, indent=1, sort_keys=True)
