"""The demo roadmap in Chromium: marks kept across reloads, export and import, the graph (fits its
box, readable labels, Tab, prerequisites lit), the topic filter, page height, screenshots."""

import json

import pytest

KEY = "studyfolio-roadmap-v1"
ROADMAP = "/roadmaps/math-for-ml/"


@pytest.fixture(scope="module")
def site_url(demo_writing_build, serve):
    """The demo content built with the writing settings (site-relative URLs), served locally."""
    return serve(demo_writing_build.output)


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
    assert page.locator("svg.graph-wide [data-node='hessian']").get_attribute("data-mark") == "done"
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
    finally:
        context.close()


# The drawing shown: its size, its box, its labels as rendered (font size x scale), and whether
# every label stays inside its box.
SHOWN_GRAPH = """() => {
  const shown = [...document.querySelectorAll('svg.roadmap-graph')].filter(s => s.getBoundingClientRect().width > 0);
  const svg = shown[0];
  const box = svg.parentElement.getBoundingClientRect();
  const rect = svg.getBoundingClientRect();
  const scale = rect.width / svg.viewBox.baseVal.width;
  const labels = [...svg.querySelectorAll('.graph-node')].map(node => {
    const r = node.querySelector('rect').getBoundingClientRect();
    const t = node.querySelector('text').getBoundingClientRect();
    return {px: parseFloat(getComputedStyle(node.querySelector('text')).fontSize) * scale,
            inside: t.left >= r.left && t.right <= r.right && t.top >= r.top && t.bottom <= r.bottom};
  });
  return {count: shown.length, name: svg.getAttribute('class'), left: rect.left, right: rect.right,
          boxLeft: box.left, boxRight: box.right, labels,
          pageWidth: document.documentElement.scrollWidth, pageHeight: document.documentElement.scrollHeight,
          zoom: !document.querySelector('[data-graph-zoom]').hidden};
}"""

# Before: 9,759px tall at 1280x800 and 20,417px at 390x844 (every topic's card open, the graph
# 1,698px wide in a 942px box, its labels 10.4px).
HEIGHT_BOUND = {1280: 5000, 390: 8500}


@pytest.mark.browser
@pytest.mark.parametrize(("width", "height", "drawing"), [(1280, 800, "graph-wide"), (390, 844, "graph-narrow")])
def test_the_graph_fits_its_box_with_readable_labels_and_the_page_is_short(browser, site_url, width, height, drawing):
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    try:
        tab.goto(site_url + ROADMAP)
        shown = tab.evaluate(SHOWN_GRAPH)
        print(f"roadmap page at {width}x{height}: {shown['pageHeight']}px tall, {drawing}")
        assert shown["count"] == 1 and drawing in shown["name"]
        assert shown["boxLeft"] <= shown["left"] and shown["right"] <= shown["boxRight"]
        assert shown["pageWidth"] <= width
        assert min(label["px"] for label in shown["labels"]) >= 14
        assert all(label["inside"] for label in shown["labels"])
        assert not shown["zoom"], "no zoom offered when the fitted labels are readable"
        assert shown["pageHeight"] <= HEIGHT_BOUND[width]
    finally:
        context.close()


@pytest.mark.browser
def test_a_graph_too_small_to_read_offers_its_full_size(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    try:
        tab.goto(site_url + ROADMAP)
        shown = tab.evaluate(SHOWN_GRAPH)
        assert shown["zoom"] and min(label["px"] for label in shown["labels"]) < 14
        zoom = tab.locator("[data-graph-zoom]")
        zoom.click()
        assert zoom.get_attribute("aria-pressed") == "true" and zoom.text_content() == "Fit to the page"
        shown = tab.evaluate(SHOWN_GRAPH)
        assert min(label["px"] for label in shown["labels"]) >= 14
        assert shown["right"] > shown["boxRight"], "the graph scrolls inside its box"
        assert shown["pageWidth"] <= 320, "the page itself does not scroll sideways"
        zoom.click()
        assert tab.evaluate(SHOWN_GRAPH)["right"] <= shown["boxRight"]
    finally:
        context.close()


def lit(page, selector: str) -> list[str]:
    return sorted(page.eval_on_selector_all(f"svg.graph-wide {selector}", "els => els.map(e => e.getAttribute('data-node'))"))


@pytest.mark.browser
def test_tab_reaches_the_topics_and_lights_their_prerequisites_and_dependents(page, site_url):
    page.goto(site_url + ROADMAP)
    page.locator(".next-up-list a").last.focus()
    page.keyboard.press("Tab")
    order = page.eval_on_selector_all("svg.graph-wide .graph-node", "els => els.map(e => e.getAttribute('data-node'))")
    focused = "document.activeElement.querySelector('.graph-node')?.getAttribute('data-node')"
    assert page.evaluate(focused) == order[0] == "vectors"
    page.keyboard.press("Tab")
    assert page.evaluate(focused) == order[1]
    for _ in range(len(order)):
        if page.evaluate(focused) == "rank":
            break
        page.keyboard.press("Tab")
    assert page.evaluate(focused) == "rank"
    assert lit(page, ".graph-node.is-focus") == ["rank"]
    assert lit(page, ".graph-node.is-before") == ["linear-independence", "matrix-multiplication", "vectors"]
    assert lit(page, ".graph-node.is-after") == ["pca", "svd"]  # svd builds on rank, pca on svd
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#topic-rank'")
    # the page opens the topic on hashchange, an event that comes after the key press
    page.wait_for_function("document.querySelector('#topic-rank details').open", timeout=5_000)
    page.locator("svg.graph-wide [data-node='hessian']").hover()
    assert lit(page, ".graph-node.is-focus") == ["hessian"]
    # all the way back: hessian <- jacobian <- gradients <- partial-derivatives <- derivatives, and vectors
    assert lit(page, ".graph-node.is-before") == ["derivatives", "gradients", "jacobian", "partial-derivatives", "vectors"]
    assert lit(page, ".graph-node.is-after") == ["optimisation-basics"]
    lit_edges = page.eval_on_selector_all("svg.graph-wide .graph-edge.is-after", "els => els.map(e => e.dataset.from + '>' + e.dataset.to)")
    assert lit_edges == ["hessian>optimisation-basics"]


@pytest.mark.browser
def test_the_filter_shows_only_next_up_or_not_started_topics(page, site_url):
    page.goto(site_url + ROADMAP)
    cards = page.locator(".topic-card")
    total = cards.count()
    next_up = page.locator(".next-up-list a").count()

    def shown():
        return page.eval_on_selector_all(
            ".topic-card", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.status)")

    page.get_by_role("radio", name="Next up", exact=True).check()
    assert shown() == ["next"] * next_up
    assert page.locator(".stage-empty:visible").count() >= 1
    page.get_by_role("radio", name="Not started", exact=True).check()
    assert shown() and set(shown()) == {"open"}
    page.get_by_role("radio", name="All", exact=True).check()
    assert len(shown()) == total
    assert page.locator(".stage-empty:visible").count() == 0
    notes = page.locator("#topic-vectors .topic-notes")
    assert not notes.is_visible(), "details wait until asked for"
    page.locator("#topic-vectors summary").click()
    assert notes.is_visible() and notes.locator("a").count() >= 1


@pytest.mark.browser
def test_the_filter_and_the_fitted_graph_need_no_javascript(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(site_url + ROADMAP)
        tab.get_by_role("radio", name="Not started", exact=True).check()
        statuses = tab.eval_on_selector_all(
            ".topic-card", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.status)")
        assert statuses and set(statuses) == {"open"}
        assert tab.locator("svg.graph-narrow").is_visible() and not tab.locator("svg.graph-wide").is_visible()
    finally:
        context.close()
