"""The dev server: what a save rebuilds, and the open tab reloading with the change (browser)."""

import contextlib
import http.client
import shutil
import socket
import struct
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from email.utils import formatdate

import pytest
import watchfiles
from devserver_helpers import DevServerProcess, copy_site, get, serving, status_of, wait_for_idle

from studyfolio.discovery.devserver import server as server_module
from studyfolio.discovery.devserver.builds import DevBuilder, url_path
from studyfolio.discovery.devserver.server import (
    EVENTS,
    SCRIPT,
    DevHTTPServer,
    DevRequestHandler,
    make_server,
)
from studyfolio.discovery.devserver.status import BuildOutcome, BuildStatus
from studyfolio.discovery.devserver.watch import (
    ChangeQueue,
    Plan,
    SourceFilter,
    Watcher,
    plan_rebuild,
)

Change = watchfiles.Change


@pytest.fixture
def layout(tmp_path):
    for folder in ("content/notes", "content/images", "theme/static"):
        (tmp_path / folder).mkdir(parents=True)
    for name in ("content/notes/a.md", "content/notes/b.md", "content/images/x.png", "theme/static/s.css"):
        (tmp_path / name).write_text("x")
    settings = {"PATH": str(tmp_path / "content"), "THEME": str(tmp_path / "theme")}
    return tmp_path, settings, str(tmp_path / "pelicanconf.py")


def test_edited_notes_get_a_quick_build_of_their_pages(layout):
    root, settings, conf = layout
    a, b = str(root / "content/notes/a.md"), str(root / "content/notes/b.md")
    changes = {(Change.modified, a), (Change.added, b)}
    assert plan_rebuild(changes, settings, conf) == Plan(sources={a, b})


def test_an_editors_temp_file_that_came_and_went_changes_nothing(layout):
    root, settings, conf = layout
    temp, a = str(root / "content/notes/.a.md.tmp"), str(root / "content/notes/a.md")
    assert plan_rebuild({(Change.added, temp), (Change.deleted, temp)}, settings, conf) is None
    changes = {(Change.added, temp), (Change.deleted, temp), (Change.added, a)}
    assert plan_rebuild(changes, settings, conf) == Plan(sources={a})


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        ((Change.modified, "content/images/x.png"), Plan()),
        ((Change.deleted, "content/notes/gone.md"), Plan()),
        ((Change.modified, "theme/static/s.css"), Plan(every_page=True)),
        ((Change.modified, "pelicanconf.py"), Plan(reload_settings=True, every_page=True)),
    ],
)
def test_anything_else_gets_a_full_build(layout, changed, expected):
    root, settings, conf = layout
    change, name = changed
    changes = {(change, str(root / name)), (Change.modified, str(root / "content/notes/a.md"))}
    assert plan_rebuild(changes, settings, conf) == expected


def test_ignored_files_are_matched_inside_the_watched_folder(tmp_path):
    site = tmp_path / ".hidden-parent" / "site"
    watch = SourceFilter([str(site / "content")], ["**/.*"])
    assert watch(Change.modified, str(site / "content/notes/a.md"))
    assert not watch(Change.modified, str(site / "content/notes/.#a.md"))
    assert not watch(Change.modified, str(site / "content/.drafts/a.md"))
    assert not watch(Change.modified, str(site / "content/notes/a.md.swp"))


def test_a_save_right_after_the_watcher_started_is_seen(tmp_path):
    """`start` returns once the folder is watched (the dev server starts it before its first build,
    so saves made during that build are built after it)."""
    (tmp_path / "notes").mkdir()
    queue = ChangeQueue()
    watcher = Watcher([str(tmp_path)], queue, []).start()
    try:
        note = tmp_path / "notes" / "a.md"
        note.write_text("Title: A\n")
        changes = queue.take(timeout=5)
        assert (Change.added, str(note)) in changes
    finally:
        watcher.stop()
    assert not watcher.thread.is_alive()


def test_a_page_rebuilt_within_the_second_is_never_answered_not_modified(tmp_path):
    """A reload right after a rebuild gets the new page, not the browser's copy of the old one."""
    (tmp_path / "index.html").write_text("<p>new</p>")
    with serving(tmp_path) as server:
        request = urllib.request.Request(
            f"http://127.0.0.1:{server.server_address[1]}/",
            headers={"If-Modified-Since": formatdate(time.time() + 1, usegmt=True)})
        with urllib.request.urlopen(request, timeout=5) as answer:
            assert (answer.status, answer.read()) == (200, b"<p>new</p>")
            assert answer.headers["Cache-Control"] == "no-store"


@pytest.fixture
def output(tmp_path):
    """An output folder with a page, a folder and links out of it to `secret.txt`, next to it."""
    (tmp_path / "secret.txt").write_text("SECRET")
    output = tmp_path / "output"
    (output / "notes").mkdir(parents=True)
    (output / "index.html").write_text("<p>home</p>")
    (output / "alias.html").symlink_to(output / "index.html")  # a link inside the folder is served
    (output / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (output / "linked").mkdir()
    (output / "linked" / "index.html").symlink_to(tmp_path / "secret.txt")
    (output / "outside").symlink_to(tmp_path)
    return output


@pytest.mark.timeout(60)
def test_200_requests_at_once_are_answered_while_slow_clients_hold_connections(output):
    """Ten clients send nothing and ten a byte a second: the others are answered meanwhile (with
    the base class's listen queue of 5, a burst like this waited a second or three for retries)."""
    with serving(output) as server:
        slow = [socket.create_connection(server.server_address) for _ in range(20)]
        stop = threading.Event()

        def dribble():
            while not stop.wait(1):
                for connection in slow[10:]:
                    connection.send(b"G")

        threading.Thread(target=dribble, daemon=True).start()

        def page(_):
            connection = http.client.HTTPConnection(*server.server_address, timeout=10)
            connection.request("GET", "/")
            answer = connection.getresponse()
            body = answer.read()
            connection.close()
            return answer.status, body

        started = time.monotonic()
        try:
            with ThreadPoolExecutor(200) as pool:
                answers = list(pool.map(page, range(200)))
            took = time.monotonic() - started
        finally:
            stop.set()
            for connection in slow:
                connection.close()
    assert answers == [(200, b"<p>home</p>")] * 200
    assert took < 2, f"200 requests took {took:.1f} s"


def test_a_client_slow_to_send_its_request_is_dropped(output, monkeypatch):
    monkeypatch.setattr(DevRequestHandler, "timeout", 1.0)
    with serving(output) as server:
        silent = socket.create_connection(server.server_address, timeout=5)
        dribbling = socket.create_connection(server.server_address, timeout=5)
        started = time.monotonic()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            while time.monotonic() - started < 5:  # a byte well within the timeout each time
                dribbling.send(b"G")
                time.sleep(0.2)
        assert time.monotonic() - started < 2.5
        assert silent.recv(100) == b""
        assert status_of(get(server, "/")) == 200


def test_connections_beyond_the_limit_are_closed_unanswered(output, monkeypatch):
    monkeypatch.setattr(DevHTTPServer, "max_connections", 3)
    with serving(output) as server:
        held = [socket.create_connection(server.server_address, timeout=5) for _ in range(3)]
        assert get(server, "/") == b""
        for connection in held:
            connection.close()
        wait_for_idle(server)
        assert status_of(get(server, "/")) == 200


def test_the_event_stream_outlives_the_request_timeout(output, monkeypatch):
    monkeypatch.setattr(DevRequestHandler, "timeout", 0.5)
    monkeypatch.setattr(server_module, "HEARTBEAT", 0.2)
    status = BuildStatus()
    with serving(output, status) as server, socket.create_connection(server.server_address, timeout=5) as connection:
        connection.sendall(f"GET {EVENTS} HTTP/1.0\r\n\r\n".encode())
        time.sleep(1.5)  # three request timeouts, seven heartbeats
        status.publish(BuildOutcome(changed=["/"]))
        stream = b""
        while b"event: built\ndata: {\"number\":1" not in stream:
            chunk = connection.recv(65536)
            assert chunk, stream
            stream += chunk
    assert stream.count(b": still here") >= 5


def test_clients_that_go_away_leave_no_traceback(output, capfd, monkeypatch):
    monkeypatch.setattr(server_module, "HEARTBEAT", 0.2)  # an event stream notices at its next write
    (output / "big.bin").write_bytes(b"x" * 32_000_000)  # more than the socket buffers hold
    with serving(output) as server:
        for request in (b"GET /big.bin HTTP/1.0\r\n\r\n", b"GET /big", f"GET {EVENTS} HTTP/1.0\r\n\r\n".encode()):
            for _ in range(5):
                connection = socket.create_connection(server.server_address, timeout=5)
                connection.sendall(request)
                if request.endswith(b"\r\n\r\n"):
                    connection.recv(1000)
                connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                connection.close()  # a reset, mid-answer or mid-request
        wait_for_idle(server)
        assert status_of(get(server, "/")) == 200
    assert capfd.readouterr().err == ""


def test_any_other_error_is_one_line_not_a_traceback(output, capfd, caplog, monkeypatch):
    def broken(handler):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(DevRequestHandler, "script", broken)
    with serving(output) as server:
        get(server, SCRIPT)
        wait_for_idle(server)
    assert [(record.levelname, record.getMessage(), record.exc_info) for record in caplog.records] == [
        ("ERROR", "dev server: RuntimeError: broken on purpose (request from 127.0.0.1)", None)
    ]
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/%00", 404),
        ("/\0", 404),
        ("/index.html%00.txt", 404),
        ("/%ff", 404),
        ("/\xff", 404),
        ("/" + "a" * 10_000, 404),
        ("/" + "a" * 70_000, 414),
        ("//etc/passwd", 404),
        ("/notes%", 404),
        ("/%", 404),
        ("*", 404),
    ],
)
def test_a_malformed_path_is_a_clean_answer(output, capfd, path, code):
    with serving(output) as server:
        answer = get(server, path)
        wait_for_idle(server)
    assert status_of(answer) == code
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt", "/notes/../../secret.txt",
        "/notes/%2e%2e/%2e%2e/secret.txt", "/..\\secret.txt", "http://localhost/../secret.txt", "../secret.txt",
        "/leak.txt", "/linked/", "/outside/secret.txt", "/outside/",
    ],
)
def test_nothing_outside_the_output_folder_is_served(output, path):
    """Not by `..` in any spelling, nor through a symlink pointing out of the folder."""
    with serving(output) as server:
        answer = get(server, path)
    assert status_of(answer) == 404
    assert b"SECRET" not in answer


def test_the_absolute_path_of_a_file_is_looked_up_in_the_output_folder(output):
    with serving(output) as server:
        answer = get(server, urllib.parse.quote(str(output.parent / "secret.txt")))
        assert (status_of(answer), b"SECRET" in answer) == (404, False)
        assert get(server, "/alias.html").endswith(b"<p>home</p>")


@pytest.mark.parametrize("page", ["/../secret.txt", "{secret}", "/leak.txt", "file://{secret}"])
def test_the_event_streams_page_parameter_opens_no_file(output, page):
    """`page` is only looked up among the URLs of the pages built, to tell whether one is stale."""
    query = urllib.parse.urlencode({"page": page.format(secret=output.parent / "secret.txt"), "loaded": "0"})
    with serving(output) as server:
        answer = get(server, f"{EVENTS}?{query}", until=b"\n\n", timeout=5)
        answer += get(server, f"{EVENTS}?{query}", until=b"}\n\n", timeout=5)
    assert b"event: built" in answer
    assert b"SECRET" not in answer
    assert b'"stale":false' in answer


@pytest.mark.parametrize(
    "host",
    ["evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.1.evil.example",
     "evil@localhost", "localhost:80@evil.example", "", "[::2]:8000", "10.0.0.1"],
)
@pytest.mark.parametrize("path", ["/", EVENTS, SCRIPT, "/nothing-here"])
def test_a_host_header_naming_another_machine_is_refused(output, host, path):
    """A page on evil.example whose name now resolves to 127.0.0.1 (DNS rebinding) reads nothing."""
    with serving(output) as server:
        answer = get(server, path, host=host)
    port = server.server_address[1]
    assert status_of(answer) == 403
    assert answer.endswith(
        f"This dev server answers only to localhost (or the address given with --bind); open http://localhost:{port}/\n"
        .encode())


@pytest.mark.parametrize(
    "host", ["localhost", "localhost:8000", "LocalHost.", "127.0.0.1:1234", "127.0.0.2", "[::1]:8000", "notes.localhost:8000", None],
)
def test_a_host_header_naming_this_machine_is_answered(output, host):
    with serving(output) as server:
        assert status_of(get(server, "/", host=host)) == 200


def test_bound_to_every_address_any_ip_address_and_the_machines_name_are_answered(output):
    server = make_server("0.0.0.0", 0, str(output), BuildStatus())
    server.server_close()
    assert server.answers_to("192.168.1.20:8000")
    assert server.answers_to(f"{socket.gethostname()}:8000")
    assert server.answers_to("localhost:8000")
    assert not server.answers_to("evil.example:8000")


@pytest.mark.parametrize(
    ("written", "url"),
    [("out/index.html", "/"), ("out/notes/x/index.html", "/notes/x/"), ("out/404.html", "/404.html")],
)
def test_url_path(written, url):
    assert url_path("out", written) == url


def test_build_status_tells_which_pages_changed_since_a_page_loaded():
    status = BuildStatus()
    loaded = time.time()
    status.publish(BuildOutcome(changed=["/notes/a/"]))
    assert status.outcome.number == 1
    assert status.page_stale("/notes/a/", loaded)
    assert not status.page_stale("/notes/b/", loaded)
    assert not status.page_stale("/notes/a/", time.time() + 1)
    status.building()
    assert status.wait((1, False), timeout=0.1).building
    assert status.wait((1, True), timeout=0.05) is None
    status.publish(BuildOutcome(changed=["*"]))
    assert status.page_stale("/notes/b/", loaded)


@pytest.fixture
def dev_site(tmp_path):
    settings = copy_site(tmp_path)
    note = tmp_path / "content" / "notes" / "vectors.md"
    padding = "\n\n".join(f"Filler paragraph {i}, so the page scrolls." for i in range(60))
    note.write_text(note.read_text(encoding="utf-8") + "\n\n## Later\n\n" + padding + "\n", encoding="utf-8")
    server = DevServerProcess(settings)
    yield server, server.url(), note
    assert server.stop() == 0, "".join(server.log)


def connected(page):
    page.wait_for_function("document.documentElement.dataset.livereload === 'connected'", timeout=10_000)


@pytest.mark.browser
@pytest.mark.timeout(180)
def test_a_saved_note_reloads_the_open_page_keeping_the_scroll(browser, dev_site):
    """How fast (edit to reload) is measured by tests/bench/bench_search.py, not here: a save
    that lands while an earlier full build runs waits for it, and that is slower under load."""
    server, url, note = dev_site
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    other = context.new_page()
    page.goto(url + "/notes/vectors/")
    other.goto(url + "/notes/dot-product/")
    assert page.locator("script[src='/_studyfolio/livereload.js']").count() == 1
    connected(page)
    connected(other)
    page.evaluate("window.scrollTo(0, 900)")
    assert page.evaluate("window.scrollY") == 900

    text = note.read_text(encoding="utf-8")
    note.write_text(
        text.replace("I picture it as an arrow from the origin.", "I picture it as a freshly edited arrow.")
        .replace("which I explain next", "which the next part explains"),
        encoding="utf-8",
    )
    try:
        page.locator("text=I picture it as a freshly edited arrow.").wait_for(timeout=15_000)
    except Exception as error:
        built = (note.parents[2] / "output" / "notes" / "vectors" / "index.html").read_text(encoding="utf-8")
        raise AssertionError(
            f"the page did not show the edit (built page has it: {'freshly edited' in built}; the tab is"
            f" {page.evaluate('document.documentElement.dataset.livereload')!r} and shows the old text:"
            f" {'an arrow from the origin' in page.content()}); the dev server said:\n" + "".join(server.log)
        ) from error
    page.wait_for_function("window.scrollY === 900", timeout=5_000)
    connected(page)

    # The note linking here changed its sentence: the other tab reloads after the full build.
    other.locator(".backlink-context", has_text="which the next part explains").wait_for(timeout=10_000)
    context.close()


@pytest.mark.browser
@pytest.mark.timeout(180)
def test_a_problem_is_shown_in_the_page_with_its_path_and_line(browser, dev_site, screenshot):
    server, url, note = dev_site
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(url + "/notes/vectors/")
    connected(page)
    text = note.read_text(encoding="utf-8")
    note.write_text(text.replace("## Adding them", "See [[Quaternions]].\n\n## Adding them"), encoding="utf-8")
    line = text.splitlines().index("## Adding them") + 1
    problem = page.locator("[data-livereload-panel] li", has_text="unknown note in [[Quaternions]]")
    problem.wait_for(timeout=15_000)
    assert problem.locator("code").text_content() == f"content/notes/vectors.md:{line}: unknown note in [[Quaternions]]"
    assert "hint: link a note by its file name" in problem.text_content()
    screenshot(page, "discovery-livereload-problem")
    page.screenshot(path=str(screenshot(page, "discovery-livereload-problem")))  # the viewport
    page.emulate_media(color_scheme="dark")
    page.reload()
    problem.wait_for(timeout=15_000)
    page.screenshot(path=str(screenshot(page, "discovery-livereload-problem-dark")))

    note.write_text(text, encoding="utf-8")  # fixed: the page reloads and the panel goes away
    page.locator("text=See Quaternions").wait_for(state="detached", timeout=15_000)
    connected(page)
    # The quick build of the fixed note reloads the page first; the full build that follows
    # publishes the site's problems again, so the panel is empty once that one is in.
    page.locator("[data-livereload-panel] li", has_text="Quaternions").wait_for(state="detached", timeout=15_000)
    context.close()


def html_files(output):
    return {
        str(p.relative_to(output)): p.read_text(encoding="utf-8")
        for p in sorted(output.rglob("*.html")) if "pagefind" not in p.parts
    }


@pytest.mark.timeout(180)
def test_quick_and_full_dev_builds_give_what_a_fresh_build_gives(tmp_path):
    settings = copy_site(tmp_path / "live")
    builder = DevBuilder(str(settings), {})
    assert builder.build().ok
    note = tmp_path / "live" / "content" / "notes" / "vectors.md"
    note.write_text(
        note.read_text(encoding="utf-8").replace("Title: Vectors, arrows with numbers", "Title: Vectors as arrows"),
        encoding="utf-8",
    )
    quick = builder.build(only_sources={str(note)})
    assert quick.changed == ["/notes/vectors/"]
    full = builder.build()
    assert "/notes/dot-product/" in full.changed  # its [[vectors]] now shows the new title
    assert "/notes/mean-geometric/" not in full.changed

    shutil.copytree(tmp_path / "live" / "content", tmp_path / "fresh" / "content")
    fresh_settings = copy_site(tmp_path / "fresh", content_from=None)
    assert DevBuilder(str(fresh_settings), {}).build().ok
    live, fresh = html_files(tmp_path / "live" / "output"), html_files(tmp_path / "fresh" / "output")
    assert "Vectors as arrows" in fresh["notes/dot-product/index.html"]
    assert live == fresh
