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
