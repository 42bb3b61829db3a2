"""Run `studyfolio serve` on a temp copy of the discovery fixture site, as `make serve` does;
or only its HTTP server, in this process, and talk to it over a raw socket."""

from __future__ import annotations

import contextlib
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from discovery_helpers import SITE

from sitebuild import ROOT
from studyfolio.discovery.devserver.server import DevHTTPServer, make_server
from studyfolio.discovery.devserver.status import BuildStatus

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


@contextlib.contextmanager
def serving(output: Path, status: BuildStatus | None = None):
    """The dev server's HTTP side on `output`, on a free port of 127.0.0.1."""
    server = make_server("127.0.0.1", 0, str(output), status or BuildStatus())
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def exchange(server: DevHTTPServer, data: bytes, until: bytes | None = None, timeout: float = 5) -> bytes:
    """Send `data` as it is, then read the answer until the server closes (or `until` is in it)."""
    with socket.create_connection(server.server_address, timeout=timeout) as connection:
        connection.sendall(data)
        answer = b""
        while until is None or until not in answer:
            chunk = connection.recv(65536)
            if not chunk:
                break
            answer += chunk
        return answer


def get(server: DevHTTPServer, path: str, host: str | None = None, **options) -> bytes:
    """A raw `GET path` (HTTP/1.1 with `Host: host`, or HTTP/1.0 without one)."""
    version, header = ("HTTP/1.1", f"Host: {host}\r\nConnection: close\r\n") if host is not None else ("HTTP/1.0", "")
    return exchange(server, f"GET {path} {version}\r\n{header}\r\n".encode("latin-1"), **options)


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def wait_for_idle(server: DevHTTPServer, timeout: float = 10) -> None:
    """Until every connection's thread has finished (what it prints is printed by then)."""
    deadline = time.monotonic() + timeout
    while server.slots._value < server.max_connections and time.monotonic() < deadline:
        time.sleep(0.05)
