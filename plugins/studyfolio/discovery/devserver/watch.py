"""Watch the content, the theme and the settings; decide what each batch of saves rebuilds."""

from __future__ import annotations

import fnmatch
import os
import threading
from dataclasses import dataclass, field

import watchfiles

NOTE_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")


@dataclass
class Plan:
    """What to rebuild: `sources` first on their own (quick), then the whole site."""

    reload_settings: bool = False
    sources: set[str] = field(default_factory=set)
    every_page: bool = False


def inside(path: str, folder: str) -> bool:
    folder = os.path.abspath(folder)
    return os.path.commonpath([os.path.abspath(path), folder]) == folder


def real_changes(changes: set[tuple[watchfiles.Change, str]]) -> set[tuple[watchfiles.Change, str]]:
    """Without an editor's temp files: added during the batch and already gone again."""
    added = {path for change, path in changes if change is watchfiles.Change.added}
    return {
        (change, path) for change, path in changes
        if not (path in added and not os.path.exists(path))
    }


def plan_rebuild(
    changes: set[tuple[watchfiles.Change, str]], settings: dict, settings_file: str
) -> Plan | None:
    """Edited or new notes get a quick build of their pages; anything else, a full build;
    the theme or the settings, a reload of every open page; None when only temp files came
    and went."""
    changes = real_changes(changes)
    paths = {os.path.abspath(path) for _, path in changes}
    if not paths:
        return None
    if os.path.abspath(settings_file) in paths:
        return Plan(reload_settings=True, every_page=True)
    if any(inside(path, settings["THEME"]) for path in paths):
        return Plan(every_page=True)
    notes = {
        os.path.abspath(path)
        for change, path in changes
        if change is not watchfiles.Change.deleted
        and path.endswith(NOTE_SUFFIXES)
        and inside(path, settings["PATH"])
        and os.path.isfile(path)
    }
    deleted = any(change is watchfiles.Change.deleted for change, _ in changes)
    return Plan(sources=notes if notes == paths and not deleted else set())


def watched_paths(settings: dict, settings_file: str) -> list[str]:
    found = [settings["PATH"], settings["THEME"], settings_file]
    return sorted({os.path.abspath(path) for path in found if path and os.path.exists(path)})


class ChangeQueue:
    """File changes gathered by the watcher thread until the build loop takes them."""

    def __init__(self):
        self.lock = threading.Lock()
        self.ready = threading.Event()
        self.changes: set[tuple[watchfiles.Change, str]] = set()

    def put(self, changes) -> None:
        with self.lock:
            self.changes |= set(changes)
            self.ready.set()

    def pending(self) -> bool:
        return self.ready.is_set()

    def take(self, timeout: float | None = None) -> set:
        """The changes so far (waiting up to `timeout` seconds for some); empties the queue."""
        self.ready.wait(timeout)
        with self.lock:
            taken, self.changes = self.changes, set()
            self.ready.clear()
        return taken


class SourceFilter(watchfiles.DefaultFilter):
    """Editors' temp files and IGNORE_FILES, matched on the path inside the watched folder:
    matched on the absolute path, a pattern like `**/.*` would ignore a site kept in a hidden
    folder altogether."""

    def __init__(self, roots: list[str], ignore_patterns: list[str]):
        super().__init__()
        self.roots = [os.path.abspath(root) for root in roots]
        self.patterns = list(ignore_patterns)

    def inner_path(self, path: str) -> str:
        path = os.path.abspath(path)
        for root in self.roots:
            if path != root and inside(path, root):
                return os.path.relpath(path, root).replace(os.sep, "/")
        return os.path.basename(path)

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        inner = self.inner_path(path)
        ignored = any(
            fnmatch.fnmatch(candidate, pattern)
            for pattern in self.patterns
            for candidate in (inner, "/" + inner, os.path.basename(inner))
        )
        return super().__call__(change, path) and not ignored


class Watcher:
    """A daemon thread feeding a ChangeQueue from watchfiles, until stopped.

    `start` returns once the folders are watched: a save made right after it is never missed."""

    IDLE_MS = 200  # how often the idle thread wakes (its first wake-up says the watch is set up)

    def __init__(self, paths: list[str], queue: ChangeQueue, ignore_patterns: list[str]):
        self.paths = paths
        self.queue = queue
        self.stop_event = threading.Event()
        self.ready = threading.Event()
        self.filter = SourceFilter(paths, ignore_patterns)
        self.thread = threading.Thread(target=self.run, name="studyfolio-watch", daemon=True)

    def run(self) -> None:
        try:
            for changes in watchfiles.watch(
                *self.paths, watch_filter=self.filter, stop_event=self.stop_event,
                debounce=400, step=30, raise_interrupt=False, rust_timeout=self.IDLE_MS, yield_on_timeout=True,
            ):
                self.ready.set()
                if changes:
                    self.queue.put(changes)
        finally:
            self.ready.set()

    def start(self, timeout: float = 10) -> Watcher:
        self.thread.start()
        self.ready.wait(timeout)
        return self

    def stop(self) -> None:
        self.stop_event.set()
        self.thread.join(timeout=5)
