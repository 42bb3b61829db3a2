"""The dev server: what a save rebuilds, and the open tab reloading with the change (browser)."""

import shutil
import threading
import time
import urllib.request
from email.utils import formatdate

import pytest
import watchfiles
from devserver_helpers import DevServerProcess, copy_site

from studyfolio.discovery.devserver.builds import DevBuilder, url_path
from studyfolio.discovery.devserver.server import make_server
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
    server = make_server("127.0.0.1", 0, str(tmp_path), BuildStatus())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{server.server_address[1]}/",
            headers={"If-Modified-Since": formatdate(time.time() + 1, usegmt=True)})
        with urllib.request.urlopen(request, timeout=5) as answer:
            assert (answer.status, answer.read()) == (200, b"<p>new</p>")
            assert answer.headers["Cache-Control"] == "no-store"
    finally:
        server.shutdown()
        server.server_close()


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
