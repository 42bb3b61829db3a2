"""Link-check fixtures: scenario servers on 127.0.0.1, started and stopped by each test."""

from __future__ import annotations

import threading

import pytest

from linkcheck_servers import ScenarioServer


@pytest.fixture
def start_server():
    """start_server(routes) -> a running ScenarioServer on 127.0.0.1, stopped after the test."""
    servers = []

    def start(routes, host: str = "127.0.0.1") -> ScenarioServer:
        server = ScenarioServer(routes, host)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stopping.set()
        server.shutdown()
        server.server_close()
