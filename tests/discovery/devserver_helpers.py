"""Run `studyfolio serve` on a temp copy of the discovery fixture site, as `make serve` does."""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from discovery_helpers import SITE

from sitebuild import ROOT

SETTINGS = """\
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa: F403

PATH = {content!r}
OUTPUT_PATH = {output!r}
CACHE_PATH = {cache!r}
THEME = {theme!r}
PLUGIN_PATHS = [{plugins!r}]
STATIC_PATHS = []
"""


def copy_site(folder: Path, content_from: Path | None = SITE / "content") -> Path:
    """The fixture site's content (unless `content_from` is None: already there) and a settings
    file for it under `folder`; the settings path."""
    if content_from is not None:
        shutil.copytree(content_from, folder / "content")
    settings = folder / "siteconf.py"
    settings.write_text(
        SETTINGS.format(
            root=str(ROOT), content=str(folder / "content"), output=str(folder / "output"),
            cache=str(folder / "cache"), theme=str(ROOT / "theme"), plugins=str(ROOT / "plugins"),
        ),
        encoding="utf-8",
    )
    return settings


class DevServerProcess:
    """`python -m studyfolio.cli serve -p 0` in a subprocess; its output read by a thread."""

    def __init__(self, settings: Path):
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "studyfolio.cli", "serve", "-s", str(settings), "-p", "0"],
            cwd=settings.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self.read, daemon=True).start()

    def read(self) -> None:
        for line in self.process.stdout:
            self.log.append(line)
            self.lines.put(line)

    def wait_for(self, pattern: str, timeout: float = 60) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            found = re.search(pattern, line)
            if found:
                return found
        raise AssertionError(f"no line matching {pattern!r}:\n{''.join(self.log)}")

    def url(self) -> str:
        port = self.wait_for(r"Serving http://localhost:(\d+)/").group(1)
        return f"http://127.0.0.1:{port}"

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                return self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                return self.process.wait()
        return self.process.returncode
