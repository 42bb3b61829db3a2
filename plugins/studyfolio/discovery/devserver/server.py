"""The dev server's HTTP side: the built site, the live-reload script and its event stream.

`/_studyfolio/events` is a Server-Sent Events stream: `built` after each build (with the pages
that changed and the problems found), `building` when one starts. The script is served from
the package, so it is never part of any build's output."""

from __future__ import annotations

import functools
import html
import json
import os
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from .status import BuildOutcome, BuildStatus

PREFIX = "/_studyfolio/"
EVENTS = PREFIX + "events"
SCRIPT = PREFIX + "livereload.js"
SCRIPT_FILE = os.path.join(os.path.dirname(__file__), "livereload.js")
HEARTBEAT = 10.0


def missing_page(path: str) -> bytes:
    """A 404 page that still reloads itself, e.g. while the first build has failed."""
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Not built yet</title></head>"
        "<body data-livereload-missing style=\"font-family: system-ui; margin: 3rem\">"
        f"<h1>Nothing at {html.escape(path)}</h1>"
        "<p>This page does not exist in the build (yet). It reloads when the site is rebuilt.</p>"
        f"<p><a href=\"/\">Home</a></p><script src=\"{SCRIPT}\"></script></body></html>"
    ).encode()


class DevRequestHandler(SimpleHTTPRequestHandler):
    """Serves `directory` (the output folder) without caching, plus the live-reload routes.

    Never "304 Not Modified": file times have one-second steps in that answer, so a page rebuilt
    within the second of its last build would be reloaded from the browser's cache, unchanged."""

    status: BuildStatus

    def __init__(self, *args, status: BuildStatus, **kwargs):
        self.status = status
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # the terminal shows builds, not every request

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        path = urlsplit(self.path).path
        if path == EVENTS:
            return self.events()
        if path == SCRIPT:
            return self.script()
        del self.headers["If-Modified-Since"]
        return super().do_GET()

    def send_error(self, code, message=None, explain=None):
        if code != HTTPStatus.NOT_FOUND or self.command != "GET":
            return super().send_error(code, message, explain)
        body = missing_page(urlsplit(self.path).path)
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def script(self) -> None:
        with open(SCRIPT_FILE, "rb") as handle:
            body = handle.read()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/javascript; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_event(self, name: str, outcome: BuildOutcome, stale: bool = False) -> None:
        data = json.dumps(outcome.as_json(self.status.server, stale=stale), separators=(",", ":"))
        self.wfile.write(f"event: {name}\ndata: {data}\n\n".encode())
        self.wfile.flush()

    def events(self) -> None:
        query = parse_qs(urlsplit(self.path).query)
        page = query.get("page", ["/"])[0]
        try:
            loaded = float(query.get("loaded", ["0"])[0]) / 1000
        except ValueError:
            loaded = 0.0
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        outcome = self.status.outcome
        try:
            self.send_event("built", outcome, stale=self.status.page_stale(page, loaded))
            seen = (outcome.number, outcome.building)
            while True:
                outcome = self.status.wait(seen, HEARTBEAT)
                if self.status.closed:
                    return
                if outcome is None:
                    self.wfile.write(b": still here\n\n")
                    self.wfile.flush()
                    continue
                seen = (outcome.number, outcome.building)
                self.send_event("building" if outcome.building else "built", outcome)
        except (TimeoutError, BrokenPipeError, ConnectionResetError):
            return  # the tab was closed or reloaded


class DevHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def make_server(bind: str, port: int, output: str, status: BuildStatus) -> DevHTTPServer:
    handler = functools.partial(DevRequestHandler, directory=output, status=status)
    return DevHTTPServer((bind, port), handler)
