"""The dev server's HTTP side: the built site, the live-reload script and its event stream.

`/_studyfolio/events` is a Server-Sent Events stream: `built` after each build (with the pages
that changed and the problems found), `building` when one starts. The script is served from
the package, so it is never part of any build's output.

What it refuses, so that a page open in the browser cannot use it to read the learner's files:
a Host header naming anything but this machine (a DNS rebinding attack: 403), and any path
whose file, once symlinks are resolved, is outside the output folder (404). A client has
`REQUEST_TIMEOUT` seconds to send its whole request; one that goes away leaves no traceback
in the terminal."""

from __future__ import annotations

import functools
import html
import io
import ipaddress
import json
import logging
import os
import re
import socket
import sys
import threading
import time
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from .status import BuildOutcome, BuildStatus

PREFIX = "/_studyfolio/"
EVENTS = PREFIX + "events"
SCRIPT = PREFIX + "livereload.js"
SCRIPT_FILE = os.path.join(os.path.dirname(__file__), "livereload.js")
HEARTBEAT = 10.0
REQUEST_TIMEOUT = 10.0  # to send the request line and headers; then to take each part of the answer
HOST = re.compile(r"(?:\[(?P<ip6>[0-9a-f:.]+)\]|(?P<name>[a-z0-9_.-]+))(?::[0-9]{1,5})?", re.IGNORECASE)
ANY_ADDRESS = ("", "0.0.0.0", "::")
INDEX_PAGES = ("index.html", "index.htm")  # what the base class serves for a folder

logger = logging.getLogger("studyfolio")


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


def is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def is_loopback(name: str) -> bool:
    """`localhost`, a name under `.localhost` (browsers resolve those themselves) or 127.x / ::1."""
    if name == "localhost" or name.endswith(".localhost"):
        return True
    return is_ip(name) and ipaddress.ip_address(name).is_loopback


class RequestReader(io.RawIOBase):
    """The socket's bytes, all of them by `deadline`: a client sending a byte now and then to
    hold its thread is dropped as surely as one sending nothing."""

    def __init__(self, connection: socket.socket, deadline: float):
        self.connection = connection
        self.deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the request was not sent in time")
        self.connection.settimeout(left)
        return self.connection.recv_into(buffer)


class DevRequestHandler(SimpleHTTPRequestHandler):
    """Serves `directory` (the output folder) without caching, plus the live-reload routes.

    Never "304 Not Modified": file times have one-second steps in that answer, so a page rebuilt
    within the second of its last build would be reloaded from the browser's cache, unchanged."""

    status: BuildStatus
    timeout = REQUEST_TIMEOUT

    def __init__(self, *args, status: BuildStatus, **kwargs):
        self.status = status
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # the terminal shows builds, not every request

    def setup(self):
        super().setup()
        self.rfile.close()
        self.rfile = io.BufferedReader(RequestReader(self.connection, time.monotonic() + self.timeout))

    def parse_request(self) -> bool:
        """The request line and headers are in: from here the timeout bounds each write (the
        event stream only writes, so it lives on). Refuses a Host that is not this machine."""
        if not super().parse_request():
            return False
        self.connection.settimeout(self.timeout)
        hosts = self.headers.get_all("Host", [])
        if len(hosts) > 1 or (hosts and not self.server.answers_to(hosts[0])):
            self.send_body(
                HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8",
                f"This dev server answers only to localhost (or the address given with --bind);"
                f" open {self.server.url}\n".encode(),
            )
            return False
        return True

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

    def in_output(self, path: str) -> bool:
        if "\0" in path:
            return False
        root = os.path.realpath(self.directory)
        return os.path.commonpath([root, os.path.realpath(path)]) == root

    def send_head(self):
        """The base class's answer, unless the path, or an index page it might serve, is not in
        the output folder once symlinks are resolved (or holds a NUL): then 404."""
        path = self.translate_path(self.path)
        if not all(self.in_output(file) for file in (path, *(os.path.join(path, i) for i in INDEX_PAGES))):
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        return super().send_head()

    def send_body(self, code: int, content_type: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_error(self, code, message=None, explain=None):
        if code != HTTPStatus.NOT_FOUND or self.command != "GET":
            return super().send_error(code, message, explain)
        self.send_body(code, "text/html; charset=utf-8", missing_page(urlsplit(self.path).path))

    def script(self) -> None:
        with open(SCRIPT_FILE, "rb") as handle:
            self.send_body(HTTPStatus.OK, "text/javascript; charset=utf-8", handle.read())

    def send_event(self, name: str, outcome: BuildOutcome, stale: bool = False) -> None:
        data = json.dumps(outcome.as_json(self.status.server, stale=stale), separators=(",", ":"))
        self.wfile.write(f"event: {name}\ndata: {data}\n\n".encode())
        self.wfile.flush()

    def events(self) -> None:
        """Until the tab goes away (a write then fails, which `handle_error` keeps quiet)."""
        query = parse_qs(urlsplit(self.path).query)
        page = query.get("page", ["/"])[0]  # only looked up among the pages built, never opened
        try:
            loaded = float(query.get("loaded", ["0"])[0]) / 1000
        except ValueError:
            loaded = 0.0
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        outcome = self.status.outcome
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


class DevHTTPServer(ThreadingHTTPServer):
    """A thread per connection (an open tab holds one for its event stream), at most
    `max_connections` at once: more are closed unanswered."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256  # connections not accepted yet (the base class's 5 made a burst wait for retries)
    max_connections = 512

    def __init__(self, address, handler):
        super().__init__(address, handler)
        self.slots = threading.BoundedSemaphore(self.max_connections)
        bind = address[0]
        self.any_address = bind in ANY_ADDRESS
        self.names = set()
        if not is_loopback(bind):
            self.names = {bind.lower(), self.server_address[0], socket.gethostname().lower()}

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{'localhost' if host in ('127.0.0.1', '0.0.0.0') else host}:{port}/"

    def answers_to(self, host: str) -> bool:
        """Does a Host header name this machine: the loopback, or the address it was told to
        serve on and the machine's name (any IP address when that is every address)?"""
        found = HOST.fullmatch(host.strip())
        if not found:
            return False
        name = (found["ip6"] or found["name"]).lower().rstrip(".")
        return is_loopback(name) or name in self.names or (self.any_address and is_ip(name))

    def process_request(self, request, client_address):
        if not self.slots.acquire(blocking=False):
            return self.shutdown_request(request)
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request, client_address):
        """One line, not a traceback; nothing when the client went away (a tab closed or
        reloaded) or stalled."""
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError)):
            logger.error("dev server: %s: %s (request from %s)", type(error).__name__, error, client_address[0])


def make_server(bind: str, port: int, output: str, status: BuildStatus) -> DevHTTPServer:
    handler = functools.partial(DevRequestHandler, directory=output, status=status)
    return DevHTTPServer((bind, port), handler)
