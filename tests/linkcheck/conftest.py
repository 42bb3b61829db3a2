"""Link-check fixtures: scenario servers on 127.0.0.1, started and stopped by each test."""

from __future__ import annotations

import threading

import pytest

from linkcheck_servers import RawServer, ScenarioServer, self_signed


@pytest.fixture
def serve():
    """serve(server) -> the server, running in a thread of its own and stopped after the test."""
    servers = []

    def start(server):
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stopping.set()
        server.shutdown()
        server.server_close()


@pytest.fixture
def start_server(serve):
    """start_server(routes) -> a running ScenarioServer on 127.0.0.1, stopped after the test;
    with `tls` (an ssl.SSLContext) it speaks HTTPS."""

    def start(routes, host: str = "127.0.0.1", tls=None) -> ScenarioServer:
        server = ScenarioServer(routes, host)
        if tls is not None:
            server.socket = tls.wrap_socket(server.socket, server_side=True)
        return serve(server)

    return start


@pytest.fixture
def start_raw(serve):
    """start_raw(answer) -> a running RawServer that answers every request with `answer`."""
    return lambda answer: serve(RawServer(answer))


@pytest.fixture(scope="session")
def tls_context(tmp_path_factory):
    """A server TLS context with a throwaway self-signed certificate; skips without openssl."""
    context = self_signed(tmp_path_factory.mktemp("tls"))
    if context is None:
        pytest.skip("openssl is needed to make a test certificate")
    return context
