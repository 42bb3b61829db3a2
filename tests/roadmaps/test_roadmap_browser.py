"""The demo roadmap in Chromium: marks kept across reloads, export and import, screenshots."""

import json

import pytest

from sitebuild import ROOT, build_site

KEY = "studyfolio-roadmap-v1"
ROADMAP = "/roadmaps/math-for-ml/"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, serve):
    """The demo content built with the writing settings (site-relative URLs), served locally."""
    output = tmp_path_factory.mktemp("roadmap-demo") / "output"
    build = build_site(ROOT / "pelicanconf.py", output, content=ROOT / "content")
    assert build.returncode == 0, build.log
    return serve(output)


def stored(page):
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "null")


@pytest.mark.browser
def test_marking_a_topic_done_is_kept_after_reload(page, site_url):
    page.goto(site_url + ROADMAP)
    card = page.locator("#topic-hessian")
    done = card.locator("button[data-mark='done']")
    assert done.is_visible()
    done.click()
    assert done.get_attribute("aria-pressed") == "true"
    page.locator("#topic-pca button[data-mark='learning']").click()
    assert stored(page) == {
        "format": "studyfolio-roadmap", "version": 1,
        "topics": {"math-for-ml/hessian": "done", "math-for-ml/pca": "learning"},
    }
    page.reload()
    assert page.locator("#topic-hessian button[data-mark='done']").get_attribute("aria-pressed") == "true"
    assert card.get_attribute("data-mark") == "done"
    assert page.locator("svg [data-node='hessian']").get_attribute("data-mark") == "done"
    assert page.locator("[data-mark-count='done']").text_content() == "1"
    assert page.locator("[data-mark-count='learning']").text_content() == "1"
    page.locator("#topic-hessian button[data-mark='done']").click()  # a second click clears it
    page.reload()
    assert card.get_attribute("data-mark") is None
    assert page.locator("[data-mark-count='done']").text_content() == "0"
    assert page.foreign_requests == []


@pytest.mark.browser
def test_export_then_import_into_a_fresh_browser(page, site_url, tmp_path):
    page.goto(site_url + ROADMAP)
    page.locator("#topic-svd button[data-mark='skipped']").click()
    with page.expect_download() as download:
        page.locator("[data-roadmap-export]").click()
    exported = tmp_path / "marks.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text())["topics"] == {"math-for-ml/svd": "skipped"}
    page.evaluate("localStorage.clear()")
    page.reload()
    assert page.locator("#topic-svd").get_attribute("data-mark") is None
    page.locator("[data-roadmap-import]").set_input_files(str(exported))
    page.locator("[data-roadmap-message]").filter(has_text="Imported 1 topic mark.").wait_for()
    assert page.locator("#topic-svd").get_attribute("data-mark") == "skipped"
    page.reload()
    assert page.locator("#topic-svd button[data-mark='skipped']").get_attribute("aria-pressed") == "true"


@pytest.mark.browser
def test_newer_saved_data_is_never_overwritten(page, site_url, tmp_path):
    page.goto(site_url + ROADMAP)
    newer = json.dumps({"format": "studyfolio-roadmap", "version": 2, "topics": {"x/y": "done"}})
    page.evaluate("value => localStorage.setItem('studyfolio-roadmap-v1', value)", newer)
    page.reload()
    message = page.locator("[data-roadmap-message]")
    assert "newer version (2)" in message.text_content()
    page.locator("#topic-pca button[data-mark='done']").click()
    assert page.evaluate("localStorage.getItem('studyfolio-roadmap-v1')") == newer
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something-else"}')
    page.locator("[data-roadmap-import]").set_input_files(str(bad))
    message.filter(has_text="Not imported: this is not a Studyfolio roadmap export.").wait_for()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("device", "width"), [("desktop", 1280), ("phone", 390)])
def test_screenshots_and_no_sideways_page_scroll(browser, site_url, screenshot, scheme, device, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    try:
        for path, name in [(ROADMAP, "roadmap"), ("/roadmaps/", "roadmaps"), ("/resources/", "resources")]:
            tab.goto(site_url + path)
            assert tab.evaluate("document.documentElement.scrollWidth") <= width, path
            screenshot(tab, f"{name}-{device}-{scheme}")
        tab.goto(site_url + ROADMAP)
        graph = tab.locator("svg.roadmap-graph")
        box = graph.bounding_box()
        natural = float(graph.get_attribute("width"))
        assert box["width"] >= natural * 0.8 - 1, "labels stay readable: the graph scrolls rather than shrinks"
    finally:
        context.close()
