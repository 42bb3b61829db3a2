"""The site's shell in a real browser: room around the content, one left edge for every page
kind, the phone menu, the current section, the three theme modes, print, and no JavaScript."""

import pytest

pytestmark = pytest.mark.browser

NOTE = "/notes/edge-cases/"
NAV_ITEMS = ["Notes", "Areas", "Roadmaps", "Resources", "Cards", "Review", "About the fixture"]
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture(scope="module")
def site_url(fixture_build, serve):
    return serve(fixture_build.output)


def nav_names(page):
    return [" ".join(t.split()) for t in page.locator(".site-nav-list > li > a").all_inner_texts()]


@pytest.mark.parametrize("width", [360, 390])
def test_no_sideways_scroll_on_phones_also_with_search_open(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for path in ("/", NOTE, "/tags/", "/archives/"):
        page.goto(site_url + path)
        assert page.evaluate(OVERFLOW) <= 0, f"{path} scrolls sideways at {width}px"
    page.goto(site_url + "/")
    page.keyboard.press("/")
    dialog = page.locator("dialog.search-dialog")
    page.keyboard.type("edge")
    dialog.locator(".search-status", has_text="for “edge”").wait_for()
    assert page.evaluate(OVERFLOW) <= 0
    box, results = dialog.bounding_box(), dialog.locator(".search-results").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert results["x"] + results["width"] <= box["x"] + box["width"]
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", ["/", NOTE, "/archives/", "/tags/", "/topics/", "/about/", "/review/", "/cards/"])
def test_main_keeps_room_above_and_below_on_every_page_kind(page, site_url, width, path):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + path)
    top, bottom = page.evaluate(
        "[getComputedStyle(document.querySelector('main')).paddingTop, getComputedStyle(document.querySelector('main')).paddingBottom]")
    assert float(top.removesuffix("px")) >= 24 and float(bottom.removesuffix("px")) >= 24, (path, top, bottom)
    header = page.locator(".site-header").bounding_box()
    first = page.locator("main > :first-child").bounding_box()
    assert first["y"] - (header["y"] + header["height"]) >= 24, path


@pytest.mark.parametrize("width", [1280, 390])
def test_every_page_kind_starts_at_the_same_left_edge(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    edges = {}
    for path in ("/", NOTE, "/archives/", "/tags/", "/about/", "/review/"):
        page.goto(site_url + path)
        edges[path] = (round(page.locator("main h1").first.bounding_box()["x"]),
                       round(page.locator(".brand").bounding_box()["x"]))
    assert len(set(edges.values())) == 1, edges
    page.goto(site_url + NOTE)
    heading_font = page.evaluate("getComputedStyle(document.querySelector('main h1')).fontFamily")
    page.goto(site_url + "/archives/")
    assert page.evaluate("getComputedStyle(document.querySelector('main h1')).fontFamily") == heading_font


def test_one_text_column_and_wide_grids_across_the_frame(page, site_url):
    page.goto(site_url + NOTE)
    measure = page.locator(".note").bounding_box()["width"]
    assert 600 <= measure <= 720
    assert page.locator(".note-body p").first.bounding_box()["width"] <= measure
    page.goto(site_url + "/")
    frame = page.locator(".site-header .header-row").evaluate(
        "el => el.getBoundingClientRect().width - parseFloat(getComputedStyle(el).paddingLeft) * 2")
    assert round(page.locator(".hero").bounding_box()["width"]) == round(measure)
    assert round(page.locator(".note-grid").bounding_box()["width"]) == round(frame) > measure


def test_the_phone_menu_opens_with_every_item_and_closes_with_escape(phone, site_url):
    phone.goto(site_url + NOTE)
    toggle = phone.get_by_role("button", name="Menu")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert phone.locator(".site-nav").is_hidden()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert nav_names(phone) == NAV_ITEMS
    for link in phone.locator(".site-nav-list > li > a").all():
        box = link.bounding_box()
        assert link.is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= 390, link.inner_text()
    assert phone.evaluate(OVERFLOW) <= 0
    phone.locator(".site-nav a", has_text="Areas").focus()
    phone.keyboard.press("Escape")
    assert phone.locator(".site-nav").is_hidden()
    assert toggle.evaluate("el => el === document.activeElement")


def test_the_current_section_is_marked_and_looks_it(page, site_url):
    marked = {}
    for path in (NOTE, "/archives/", "/tags/", "/topics/", "/about/", "/review/", "/"):
        page.goto(site_url + path)
        links = page.locator(".site-nav a[aria-current]")
        marked[path] = [(" ".join(a.inner_text().split()), a.get_attribute("aria-current")) for a in links.all()]
    assert marked == {
        NOTE: [("Notes", "true")], "/archives/": [("Notes", "page")], "/tags/": [("Notes", "true")],
        "/topics/": [("Areas", "page")], "/about/": [("About the fixture", "page")], "/review/": [("Review", "page")],
        "/": [],
    }
    page.goto(site_url + "/archives/")
    style = "a => getComputedStyle(a).backgroundColor"
    assert page.locator(".site-nav a", has_text="Notes").evaluate(style) != page.locator(
        ".site-nav a", has_text="Areas").evaluate(style)


def test_theme_goes_round_light_dark_and_the_system_and_remembers(page, site_url):
    page.emulate_media(color_scheme="light")
    page.goto(site_url + NOTE)
    html = page.locator("html")
    assert (html.get_attribute("data-theme"), html.get_attribute("data-theme-mode")) == ("light", "system")
    stored = "localStorage.getItem('studyfolio-theme')"
    page.get_by_role("button", name="Switch to dark theme").click()
    assert (html.get_attribute("data-theme"), page.evaluate(stored)) == ("dark", "dark")
    page.get_by_role("button", name="Switch to light theme").click()
    assert (html.get_attribute("data-theme"), page.evaluate(stored)) == ("light", "light")
    page.emulate_media(color_scheme="dark")
    assert html.get_attribute("data-theme") == "light"  # chosen, so the system's change does not count
    page.get_by_role("button", name="Switch to dark theme").click()
    assert (html.get_attribute("data-theme"), page.evaluate(stored)) == ("dark", "dark")
    page.get_by_role("button", name="Follow the system theme").click()
    assert (html.get_attribute("data-theme"), page.evaluate(stored)) == ("dark", None)
    assert html.get_attribute("data-theme-mode") == "system"
    page.emulate_media(color_scheme="light")  # followed at once, without a reload
    page.wait_for_function("document.documentElement.getAttribute('data-theme') === 'light'", timeout=3000)
    page.reload()
    assert (html.get_attribute("data-theme"), html.get_attribute("data-theme-mode")) == ("light", "system")


def test_print_from_dark_mode_is_light_without_the_site_chrome(page, site_url):
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + NOTE)
    assert page.locator("html").get_attribute("data-theme") == "dark"
    page.evaluate("""() => {
        const pre = document.createElement('pre');
        pre.id = 'long-code';
        pre.textContent = 'x = ' + '1 + '.repeat(200) + '1';
        document.querySelector('.note-body').appendChild(pre);
        const bar = document.createElement('div');
        bar.className = 'progress-fill';
        document.querySelector('.note-body').appendChild(bar);
    }""")
    page.emulate_media(media="print")
    body = page.evaluate("[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]")
    assert body == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]
    assert page.evaluate("getComputedStyle(document.querySelector('.note-meta')).color") == "rgb(86, 91, 102)"  # light --muted
    for chrome in (".site-header", ".site-footer", "dialog.search-dialog", ".search-open", ".theme-toggle"):
        assert page.locator(chrome).first.is_hidden(), chrome
    code = page.locator("#long-code")
    assert code.evaluate("el => getComputedStyle(el).whiteSpace") == "pre-wrap"
    assert code.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert page.locator(".progress-fill").evaluate("el => getComputedStyle(el).printColorAdjust") == "exact"


def test_without_javascript_only_working_controls_show(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + NOTE)
    for control in (".theme-toggle", ".search-open", ".nav-toggle"):
        assert page.locator(control).is_hidden(), control
    assert nav_names(page) == NAV_ITEMS
    assert all(link.is_visible() for link in page.locator(".site-nav-list a").all())
    assert page.evaluate(OVERFLOW) <= 0
    context.close()


@pytest.fixture(scope="module")
def studypath_url(studypath_build, serve):
    """tests/fixtures/studypath: vec-1 reviewed in the published log (due since 2026-09-05), vec-2 and mat-1 new."""
    return serve(studypath_build.output)


def due_badge(page):
    """The number shown beside "Review", once the idle-time script has counted."""
    page.wait_for_function("document.querySelector('script[src$=\"/theme/js/review-due.js\"]')")
    page.wait_for_load_state("networkidle")
    return page.locator(".site-nav a.nav-review [data-review-due] [aria-hidden=true]")


def test_review_in_the_menu_counts_the_cards_due_in_this_browser(page, studypath_url):
    page.goto(studypath_url + "/")
    badge = due_badge(page)
    assert badge.is_visible() and badge.inner_text() == "1"  # vec-1
    link = page.locator(".site-nav a.nav-review")
    assert link.get_attribute("href") == "/review/"
    assert page.get_by_role("link", name="Review (1 card due)", exact=True).count() == 1
    # Reviews saved by this browser count too: vec-2 learnt long ago is due, vec-1 answered Easy now is not.
    page.evaluate("""() => localStorage.setItem("studyfolio-reviews", JSON.stringify({
        format: "studyfolio-reviews", version: 1, reviews: [
            {card: "vec-2", at: "2026-01-05T10:00:00Z", rating: 3, ms: 4000},
            {card: "mat-1", at: "2026-01-05T10:01:00Z", rating: 3, ms: 4000},
            {card: "vec-1", at: new Date().toISOString().slice(0, 19) + "Z", rating: 4, ms: 3000}]}))""")
    page.reload()
    badge = due_badge(page)
    assert badge.inner_text() == "2"
    assert link.get_attribute("title") == "2 cards due now"
    assert "has-due" in page.locator(".nav-toggle").get_attribute("class")  # the phone's closed menu says so too
    assert page.locator(".nav-toggle-label").text_content() == "Menu (2 cards due)"


def test_a_published_review_newer_than_the_own_one_replays_the_whole_history(page, studypath_url):
    page.goto(studypath_url + "/")
    page.evaluate("""() => localStorage.setItem("studyfolio-reviews", JSON.stringify({
        format: "studyfolio-reviews", version: 1,
        reviews: [{card: "vec-1", at: "2026-01-01T10:00:00Z", rating: 1, ms: 4000}]}))""")
    page.reload()
    badge = due_badge(page)
    assert badge.inner_text() == "1"
    assert page.evaluate("performance.getEntriesByType('resource').some(r => r.name.endsWith('/reviews.json'))")
