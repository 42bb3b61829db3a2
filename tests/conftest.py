"""Shared fixtures: site builds (module-scoped), a local HTTP server, and headless Chromium."""

from __future__ import annotations

import functools
import http
import http.server
import threading
from pathlib import Path

import pytest
from chromium import CHROMIUM, launch

from sitebuild import ROOT, build_site

FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site"


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory):
    """The demo site built once with the production settings (strict, feeds, absolute URLs)."""
    output = tmp_path_factory.mktemp("demo") / "output"
    build = build_site(ROOT / "publishconf.py", output, content=ROOT / "content")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory):
    """The small edge-case site in tests/fixtures/site, built with the writing settings."""
    output = tmp_path_factory.mktemp("fixture") / "output"
    return build_site(FIXTURE_SITE / "fixtureconf.py", output, cwd=FIXTURE_SITE)


@pytest.fixture(scope="session")
def demo_writing_build(tmp_path_factory):
    """The demo site built with the writing settings (site-relative URLs), to browse locally."""
    output = tmp_path_factory.mktemp("demo-writing") / "output"
    build = build_site(ROOT / "pelicanconf.py", output, content=ROOT / "content")
    assert build.returncode == 0, build.log
    return build


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    not_found = ""  # a page of the folder to answer a missing address with, as static hosts do

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory, self.not_found) if self.not_found else None
        if code != http.HTTPStatus.NOT_FOUND or page is None or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def serve():
    """serve(folder, not_found="404.html") -> base URL of a static server for `folder` on
    127.0.0.1; a missing address gets the folder's `not_found` page (else the server's own)."""
    servers = []

    def start(folder: Path, not_found: str = "") -> str:
        handler = functools.partial(type("Handler", (QuietHandler,), {"not_found": not_found}), directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    with playwright_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page; `page.foreign_requests` lists requests off 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.foreign_requests = []

    def watch(request):
        url = request.url
        if not url.startswith(("http://127.0.0.1", "data:", "about:", "blob:")):
            tab.foreign_requests.append(url)

    tab.on("request", watch)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def demo_site(demo_writing_build, serve):
    """The demo built with the writing settings (root-relative URLs), served on 127.0.0.1."""
    return serve(demo_writing_build.output)


SCREENSHOTS = ROOT / "tests" / "screenshots"


@pytest.fixture
def screenshot():
    """screenshot(page, name): save a full-page PNG under tests/screenshots/ for a person to look at."""

    def take(tab, name: str) -> Path:
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        tab.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(scope="session")
def studypath_build(tmp_path_factory):
    """tests/fixtures/studypath: resources, res: links, roadmaps (one broken) and a review log."""
    site = ROOT / "tests" / "fixtures" / "studypath"
    output = tmp_path_factory.mktemp("studypath") / "output"
    return build_site(site / "studypathconf.py", output, cwd=site)
