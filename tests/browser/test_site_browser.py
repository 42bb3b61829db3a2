"""The site in a real browser: pages render, the theme toggle works and is remembered,
and no request leaves the site."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(fixture_build, serve):
    return serve(fixture_build.output)


def test_home_lists_notes_and_makes_no_foreign_request(page, site_url, screenshot):
    page.goto(site_url + "/")
    cards = page.locator(".note-card-title a")
    assert cards.all_inner_texts() == ["A note with mistakes", "Edge cases: «ünïcode», $x^2$ & friends"]
    screenshot(page, "home-desktop")
    assert page.foreign_requests == []


def test_article_shows_math_and_metadata(page, site_url, screenshot):
    page.goto(site_url + "/notes/edge-cases/")
    assert page.locator("h1").inner_text() == "Edge cases: «ünïcode», $x^2$ & friends"
    assert page.locator(".note-body math").count() == 5
    # MathML is laid out by the browser: a rendered fraction has height.
    box = page.locator(".math-display math").first.bounding_box()
    assert box and box["height"] > 10
    assert page.locator(".note-meta .badge").inner_text() == "Intermediate"
    screenshot(page, "article-desktop")
    assert page.foreign_requests == []


def test_dark_mode_toggle_is_remembered_across_reloads(page, site_url, screenshot):
    page.emulate_media(color_scheme="light")
    page.goto(site_url + "/notes/edge-cases/")
    html = page.locator("html")
    assert html.get_attribute("data-theme") == "light"
    light_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    toggle = page.get_by_role("button", name="Switch to dark theme")
    toggle.click()
    assert html.get_attribute("data-theme") == "dark"
    dark_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert dark_bg != light_bg
    page.reload()
    assert page.locator("html").get_attribute("data-theme") == "dark"
    assert page.get_by_role("button", name="Switch to light theme").is_visible()
    screenshot(page, "article-dark")
    page.get_by_role("button", name="Switch to light theme").click()
    page.goto(site_url + "/")
    assert page.locator("html").get_attribute("data-theme") == "light"


def test_the_chosen_theme_is_applied_before_the_page_body_is_parsed(page, site_url):
    """No flash of the other theme: data-theme is set while the head is read, before any
    stylesheet or script file can arrive (the page cannot paint before <body> exists)."""
    page.emulate_media(color_scheme="light")
    page.add_init_script("""
        try { localStorage.setItem("studyfolio-theme", "dark"); } catch (e) {}
        new MutationObserver(function (changes, observer) {
            if (document.body) {
                window.themeAtBody = document.documentElement.getAttribute("data-theme");
                observer.disconnect();
            }
        }).observe(document, {childList: true, subtree: true});
    """)
    page.goto(site_url + "/notes/edge-cases/")
    assert page.evaluate("window.themeAtBody") == "dark"
    assert page.get_by_role("button", name="Switch to light theme").is_visible()


def test_system_dark_preference_is_followed_until_the_learner_picks(page, site_url):
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + "/")
    assert page.locator("html").get_attribute("data-theme") == "dark"


def test_keyboard_skip_link_moves_focus_to_main(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_phone_width_has_no_horizontal_scroll(browser, site_url, screenshot):
    context = browser.new_context(viewport={"width": 360, "height": 780}, device_scale_factor=2)
    phone = context.new_page()
    for path, name in (("/", "home-phone"), ("/notes/edge-cases/", "article-phone")):
        phone.goto(site_url + path)
        overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360px"
        screenshot(phone, name)
    context.close()


CONTRAST_JS = """
() => {
  function rgb(text) { return text.match(/[\\d.]+/g).map(Number); }
  function lum(c) {
    const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  function background(el) {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length < 4 || c[3] > 0.9) return c;
    }
    return [255, 255, 255];
  }
  const worst = {};
  for (const selector of ["body", ".note-meta", ".note-body p", ".note-body a", ".badge", ".tag", ".topic",
                          ".site-nav a", ".site-nav a[aria-current]", ".brand-name", ".note-category a", ".site-footer p", ".highlight span"]) {
    for (const el of document.querySelectorAll(selector)) {
      const a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      worst[selector] = Math.min(worst[selector] || 99, Math.round(ratio * 100) / 100);
    }
  }
  return worst;
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_meets_wcag_aa_contrast(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + "/notes/edge-cases/")
    ratios = page.evaluate(CONTRAST_JS)
    assert ratios, "no element measured"
    low = {selector: ratio for selector, ratio in ratios.items() if ratio < 4.5}
    assert low == {}, f"below 4.5:1 in {scheme} mode: {low}"


@pytest.mark.parametrize("width", [1280, 390])
def test_content_keeps_its_distance_from_the_header_and_the_footer(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "/notes/edge-cases/")
    header = page.locator(".site-header").bounding_box()
    heading = page.locator("main h1").bounding_box()
    main = page.locator("main").bounding_box()
    last = page.locator("main > :last-child").bounding_box()
    assert heading["y"] - (header["y"] + header["height"]) >= 24
    assert (main["y"] + main["height"]) - (last["y"] + last["height"]) >= 32
