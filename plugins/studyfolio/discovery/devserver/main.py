"""`studyfolio serve` (what `make serve` runs): build, serve, and rebuild on every save."""

from __future__ import annotations

import logging
import os
import threading
import time

from pelican.log import init as init_logging

from .builds import DevBuilder
from .devpelican import BuildSuperseded
from .server import make_server
from .status import BuildOutcome, BuildStatus, Problem
from .watch import ChangeQueue, Watcher, plan_rebuild, watched_paths

logger = logging.getLogger("studyfolio")


class SettingsError(Exception):
    """The settings file could not be loaded; the message names it and says why."""


def say(text: str) -> None:
    print(text, flush=True)


def summary(outcome: BuildOutcome, what: str) -> str:
    problems = len(outcome.problems)
    state = "built" if outcome.ok else "FAILED"
    return (
        f"[{time.strftime('%H:%M:%S')}] {what} {state} in {outcome.seconds:.2f} s"
        + (f", {problems} problem(s) shown in the page" if problems else "")
    )


class DevServer:
    """The build loop of the dev server; the HTTP server and the watcher run in threads."""

    def __init__(self, settings_file: str, overrides: dict, bind: str, port: int):
        self.builder = DevBuilder(settings_file, overrides)
        self.settings_file = settings_file
        self.bind = bind
        self.port = port
        self.status = BuildStatus()
        self.queue = ChangeQueue()
        self.server = None
        self.watcher = None

    def build(self, what: str, **options) -> None:
        outcome = self.builder.build(**options)
        self.status.publish(outcome)
        say(summary(outcome, what))

    def load(self) -> None:
        try:
            self.builder.load()
        except Exception as error:  # a broken settings file: say which and why, no traceback
            raise SettingsError(f"cannot load {self.settings_file}: {type(error).__name__}: {error}") from None

    def start(self) -> str:
        """Watch, build, then serve; the URL served. Saves made during the first build are
        built right after it."""
        self.load()
        settings = self.builder.settings
        os.makedirs(settings["OUTPUT_PATH"], exist_ok=True)
        self.watcher = Watcher(
            watched_paths(settings, self.settings_file), self.queue, settings.get("IGNORE_FILES", [])
        ).start()
        self.build("site")
        self.server = make_server(self.bind, self.port, settings["OUTPUT_PATH"], self.status)
        threading.Thread(target=self.server.serve_forever, name="studyfolio-http", daemon=True).start()
        return self.server.url

    def rebuild(self, changes) -> None:
        plan = plan_rebuild(changes, self.builder.settings, self.settings_file)
        if plan is None:
            return
        if plan.reload_settings:
            try:
                self.load()
            except SettingsError as error:
                self.status.publish(BuildOutcome(ok=False, problems=[Problem(str(error))]))
                say(f"[{time.strftime('%H:%M:%S')}] {error}")
                return
        self.status.building()
        if plan.sources:
            names = ", ".join(sorted(os.path.basename(path) for path in plan.sources))
            self.build(names, only_sources=plan.sources)
            if self.queue.pending():
                return  # another save: its own quick build first
        try:
            self.build("site", every_page=plan.every_page, superseded=self.queue.pending)
        except BuildSuperseded:
            say(f"[{time.strftime('%H:%M:%S')}] newer changes: building them first")

    def loop(self) -> None:
        while True:
            changes = self.queue.take()
            if changes:
                self.rebuild(changes)

    def stop(self) -> None:
        self.status.close()
        if self.watcher is not None:
            self.watcher.stop()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def serve(settings_file: str, *, content: str | None, output: str | None, bind: str, port: int) -> int:
    init_logging(level=logging.WARNING)
    overrides = {}
    if content:
        overrides["PATH"] = os.path.abspath(content)
    if output:
        overrides["OUTPUT_PATH"] = os.path.abspath(output)
    server = DevServer(os.path.abspath(settings_file), overrides, bind, port)
    try:
        url = server.start()
        say(f"Serving {url} (live reload on; Ctrl+C to stop)")
        server.loop()
    except KeyboardInterrupt:
        say("Stopped.")
    except SettingsError as error:
        logger.error("%s", error)
        return 1
    except OSError as error:
        logger.error("cannot serve on %s:%s: %s", bind, port, error)
        return 1
    finally:
        server.stop()
    return 0
