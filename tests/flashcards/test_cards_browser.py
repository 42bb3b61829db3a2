"""Cards in a real browser: open with the mouse and the keyboard, work with JavaScript off,
and deck pages; screenshots of every page the plugin adds, light and dark, desktop and phone."""

import pytest
from cards_helpers import SITE

from sitebuild import build_site

pytestmark = pytest.mark.browser

CARD = "details.card"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, serve):
    """The cards fixture site with root-relative links, so it can be served locally."""
    output = tmp_path_factory.mktemp("cards-browser") / "output"
    build = build_site(SITE / "cardsconf.py", output, cwd=SITE, extra={"SITEURL": ""})
    assert build.returncode == 0, build.log
    return serve(output)


@pytest.fixture(scope="module")
def demo_url(demo_writing_build, serve):
    """The demo site built with the writing settings (root-relative links)."""
    return serve(demo_writing_build.output)


def test_a_card_opens_and_closes_with_the_mouse(page, site_url):
    page.goto(site_url + "/notes/gradient-descent/")
    card = page.locator(CARD).first
    answer = card.locator(".card-answer")
    assert not answer.is_visible()
    card.locator("summary").click()
    assert card.evaluate("el => el.open")
    assert answer.is_visible()
    assert answer.inner_text().startswith("How big each step downhill is.")
    assert card.locator(".card-video a").get_attribute("href") == "https://www.youtube.com/watch?v=IHZwWFHWa-w&t=185"
    card.locator("summary").click()
    assert not answer.is_visible()
    assert page.foreign_requests == []


def test_a_card_opens_with_the_keyboard(page, site_url):
    page.goto(site_url + "/notes/gradient-descent/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('details.card > summary')"):
            break
    else:
        pytest.fail("no card summary is reachable with Tab")
    card = page.locator(CARD).first
    page.keyboard.press("Enter")
    assert card.evaluate("el => el.open")
    assert card.locator(".card-answer").is_visible()
    page.keyboard.press("Space")
    assert not card.evaluate("el => el.open")


def test_a_cloze_card_hides_its_deletion_until_opened(page, site_url):
    page.goto(site_url + "/notes/gradient-descent/")
    cloze = page.locator("details.card[data-kind='cloze'][data-cloze='2']").first
    assert cloze.locator("summary").inner_text().startswith("We go against the gradient because it points [which way?].")
    cloze.locator("summary").click()
    assert cloze.locator(".card-answer .cloze-active").inner_text() == "uphill"


def test_cards_work_with_javascript_disabled(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + "/cards/notes/gradient-descent/")
        card = page.locator(CARD).nth(1)
        card.locator("summary").click()
        assert card.locator(".card-answer").is_visible()
        assert card.locator(".card-answer math").count() >= 1
        assert not page.locator("[data-cards-toggle]").is_visible()  # the switch needs the script
        page.keyboard.press("Enter")  # focus stays on the summary: Enter closes it again
        assert not card.locator(".card-answer").is_visible()
    finally:
        context.close()


def test_show_all_answers_on_a_deck_page(page, site_url):
    page.goto(site_url + "/cards/notes/vectors/")
    assert page.get_by_role("button", name="Show all answers").is_visible()
    toggle = page.locator("[data-cards-toggle]")
    toggle.click()
    assert page.locator(CARD).evaluate_all("cards => cards.every(c => c.open)")
    assert toggle.get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="Hide all answers").click()
    assert page.locator(CARD).evaluate_all("cards => cards.every(c => !c.open)")


def test_printing_a_note_deck_opens_every_card(page, site_url):
    page.goto(site_url + "/cards/notes/gradient-descent/")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator(CARD).evaluate_all("cards => cards.every(c => c.open)")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator(CARD).evaluate_all("cards => cards.every(c => !c.open)")


def test_a_question_on_the_all_cards_page_leads_to_its_card_in_the_note(page, site_url):
    page.goto(site_url + "/cards/")
    assert page.locator(CARD).count() == 0
    assert not page.get_by_role("button", name="Show all answers").is_visible()
    link = page.get_by_role("link", name="What is a vector", exact=True)
    href = link.get_attribute("href")
    assert href.startswith("/notes/vectors/#card-vectors-")
    link.click()
    page.wait_for_url(site_url + href)
    card = page.locator("#" + href.split("#")[1])
    assert card.is_visible() and not card.evaluate("el => el.open")  # the answer waits for a try
    shadows = page.locator(CARD).evaluate_all("cards => cards.map(c => [c.matches(':target'), getComputedStyle(c).boxShadow])")
    assert len({shadow for target, shadow in shadows if target}) == 1  # the card linked to is set apart
    assert not {shadow for target, shadow in shadows if target} & {shadow for target, shadow in shadows if not target}
    card.locator("summary").click()
    assert card.locator(".card-answer").is_visible()
    page.go_back()
    page.locator(".deck-note-deck a").last.click()
    page.wait_for_url(site_url + "/cards/notes/vectors/")
    assert page.get_by_role("button", name="Show all answers").is_visible()


PAGES = {
    "note": "/notes/gradient-descent-from-scratch/",
    "deck-all": "/cards/",
    "deck-note": "/cards/notes/bayes-theorem/",
    "deck-tag": "/cards/tags/numpy/",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "device"), [(1280, "desktop"), (390, "phone")])
@pytest.mark.parametrize("name", list(PAGES))
def test_screenshots_of_the_card_pages(page, demo_url, screenshot, name, width, device, scheme):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(demo_url + PAGES[name])
    cards = page.locator(CARD)
    if name in ("note", "deck-note"):
        cards.first.locator("summary").click()  # one card open, to show an answer
    else:  # the other decks list the questions, each a link to its card
        assert cards.count() == 0 and page.locator(".deck-questions a").count() > 0
    if name == "note":
        page.locator(".note-cards").scroll_into_view_if_needed()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} scrolls sideways on a {width}px screen"
    screenshot(page, f"flashcards-{name}-{device}-{scheme}")
    assert page.foreign_requests == []
