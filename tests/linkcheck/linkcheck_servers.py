"""Scenario servers on 127.0.0.1 for link-check tests, and a config fit for fast tests."""

from __future__ import annotations

import http.server
import shutil
import socket
import socketserver
import ssl
import struct
import subprocess
import threading
import time
from collections.abc import Callable

from aiohttp.abc import AbstractResolver, ResolveResult

from studyfolio.linkcheck.config import Config

FAST = {"timeout": 1.0, "retries": 1, "backoff": 0.05, "retry_after_cap": 2.0,
        "allow_private": True, "per_host": 4, "concurrency": 8}


def config(**overrides) -> Config:
    return Config.from_settings({**FAST, **overrides})


class Handler(http.server.BaseHTTPRequestHandler):
    """Dispatches every request to the scenario registered for its path (404 otherwise)."""

    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def handle_one(self):
        server = self.server
        path = self.path.split("?")[0]
        with server.lock:
            server.seen.append((self.command, self.path, self.client_address[1],
                                self.headers.get("User-Agent", "")))
            server.arrivals[self.path] = time.monotonic()
            server.in_flight += 1
            server.most = max(server.most, server.in_flight)
        try:
            route = server.routes.get(path)
            if route is None:
                self.reply(404)
            else:
                route(self)
        finally:
            with server.lock:
                server.in_flight -= 1

    do_GET = do_HEAD = handle_one

    def reply(self, code: int, headers: dict | None = None, body: bytes = b"") -> None:
        self.send_response(code)
        headers = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
        headers.setdefault("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD" and body:
            self.wfile.write(body)

    def reset(self) -> None:
        """Drop the connection with a TCP reset instead of an answer."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def hang(self, seconds: float) -> None:
        """Answer nothing for `seconds` (cut short when the test ends)."""
        self.server.stopping.wait(seconds)
        self.close_connection = True

    def count(self) -> int:
        """How many requests reached this path so far (this one included)."""
        with self.server.lock:
            return sum(1 for _, p, _, _ in self.server.seen if p.split("?")[0] == self.path.split("?")[0])


class ScenarioServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, routes: dict[str, Callable[[Handler], None]], host: str = "127.0.0.1"):
        super().__init__((host, 0), Handler)
        self.routes = routes
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.seen: list[tuple[str, str, int, str]] = []
        self.in_flight = self.most = 0
        self.arrivals: dict[str, float] = {}  # path -> when its last request arrived

    def handle_error(self, request, client_address):
        pass  # scenarios reset and drop connections on purpose

    def url(self, path: str) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}{path}"

    def requests(self, path: str | None = None) -> list[str]:
        """'METHOD path' of every request (to `path` only when given), in arrival order."""
        return [f"{m} {p}" for m, p, _, _ in self.seen if path is None or p.split("?")[0] == path]


class RawHandler(socketserver.BaseRequestHandler):
    """Reads the request head, answers the server's bytes and closes the connection."""

    def handle(self):
        self.request.settimeout(5)
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            head += chunk
        with self.server.lock:
            self.server.seen.append(head.split(b"\r\n", 1)[0].decode("latin-1"))
        self.request.sendall(self.server.answer)


class RawServer(socketserver.ThreadingTCPServer):
    """Answers what no HTTP server would (`HTTP/1.1 abc`, `hello`): bytes as given."""

    daemon_threads = True

    def __init__(self, answer: bytes, host: str = "127.0.0.1"):
        super().__init__((host, 0), RawHandler)
        self.answer = answer
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.seen: list[str] = []  # request lines, in arrival order

    def handle_error(self, request, client_address):
        pass  # clients give up on these answers and close

    def url(self, path: str, scheme: str = "http") -> str:
        host, port = self.server_address[:2]
        return f"{scheme}://{host}:{port}{path}"


def self_signed(folder) -> ssl.SSLContext | None:
    """A server TLS context with a throwaway certificate for 127.0.0.1 (None without openssl)."""
    if shutil.which("openssl") is None:
        return None
    key, cert = str(folder / "key.pem"), str(folder / "cert.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert],
                   check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


class NamesResolver(AbstractResolver):
    """A resolver that knows only the names it is given: name -> address, or a list of them."""

    def __init__(self, names: dict[str, str | list[str]]):
        self.names = names

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        addresses = self.names.get(host.rstrip("."))
        if addresses is None:
            raise OSError(f"{host} is not a test name")
        return [{"hostname": host, "host": address, "port": port,
                 "family": socket.AF_INET6 if ":" in address else socket.AF_INET,
                 "proto": 0, "flags": socket.AI_NUMERICHOST}
                for address in ([addresses] if isinstance(addresses, str) else addresses)]

    async def close(self) -> None:
        pass


def elapsed(function, *args, **kwargs):
    """(result, seconds) of a call."""
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started
