"""The review page's layout in headless Chromium: on a phone the card comes first and Show answer
and the ratings sit in reach at the bottom of the screen; without JavaScript only the notice
shows; the learn-ahead window and the dates come from what the build publishes."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime

import pytest
from srs_helpers import SITE

from studyfolio.srs.cards import load_cards_json
from studyfolio.srs.log import Review, read_log
from studyfolio.srs.progress import Progress
from studyfolio.srs.scheduler import SchedulerConfig

pytestmark = pytest.mark.browser

NOW = datetime(2026, 10, 1, 10, 0, tzinfo=UTC)
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "timezone_id": "UTC"}


@pytest.fixture(scope="module")
def site(srs_build, serve):
    return serve(srs_build.output)


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    tab = context.new_page()
    tab.clock.set_fixed_time(NOW)
    yield tab
    context.close()


def box(page, selector: str) -> dict:
    found = page.locator(selector).bounding_box()
    assert found, f"{selector} is not shown"
    return found


def inside_the_screen(page, selector: str) -> bool:
    b, view = box(page, selector), page.viewport_size
    return b["x"] >= 0 and b["y"] >= 0 and b["x"] + b["width"] <= view["width"] and b["y"] + b["height"] <= view["height"]


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_on_a_phone_the_card_comes_first_and_the_ratings_are_in_reach(phone, site):
    phone.goto(f"{site}/review/")
    phone.wait_for_selector("#review[aria-busy=false]")
    assert phone.evaluate("matchMedia('(hover: none)').matches")  # a touch screen
    assert box(phone, "[data-card]")["y"] < box(phone, "[data-filters]")["y"]
    assert inside_the_screen(phone, "[data-card]")
    assert inside_the_screen(phone, "[data-reveal]")
    assert box(phone, "[data-card]")["y"] + box(phone, "[data-card]")["height"] <= box(phone, ".review-controls")["y"]
    assert no_sideways_scroll(phone)
    # no keys to hint at on a touch screen
    assert phone.is_hidden(".review-keys") and phone.is_hidden("[data-reveal] kbd")
    phone.tap("[data-reveal]")
    assert phone.is_visible("[data-answer]")
    assert phone.evaluate("window.scrollY") == 0
    for rating in range(1, 5):
        assert inside_the_screen(phone, f"[data-rating='{rating}']"), rating
    thumbs = [box(phone, f"[data-rating='{rating}']")["y"] for rating in range(1, 5)]
    assert len(set(thumbs)) == 1 and thumbs[0] > 844 * 0.8  # one row at the bottom of the screen
    assert no_sideways_scroll(phone)
    phone.tap("[data-rating='4']")
    assert phone.inner_text("[data-question]").strip() == "Why square the distances?"


def summary(page) -> str:
    return " ".join(page.text_content("[data-filters] summary").split())


def test_the_filters_fold_into_one_control_that_names_the_deck(phone, site):
    phone.goto(f"{site}/review/?tag=statistics&level=medium")
    phone.wait_for_selector("#review[aria-busy=false]")
    assert summary(phone) == "Filter: #statistics · medium"
    assert phone.is_hidden("select[name=level]")
    phone.tap("[data-filters] summary")
    phone.select_option("select[name=tag]", "")
    phone.select_option("select[name=level]", "")
    assert summary(phone) == "Filter: all cards"
    phone.select_option("select[name=note]", "bayes")
    assert summary(phone) == "Filter: Bayes' theorem"
    phone.select_option("select[name=level]", "hard")
    assert summary(phone) == "Filter: Bayes' theorem · hard"
    assert phone.url.endswith("/review/?note=bayes&level=hard")
    assert phone.inner_text("[data-done] h2") == "No cards in this deck"
    assert no_sideways_scroll(phone)


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 800}])
def test_without_javascript_only_the_notice_shows(browser, site, viewport):
    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/review/")
    assert page.get_by_text("Loading").count() == 1 and page.get_by_text("Loading").is_hidden()
    assert page.is_visible("text=Reviewing needs JavaScript")
    for part in ("[data-filters]", "[data-progress]", "[data-stage]", "[data-done]", ".review-keys", "[data-data]"):
        assert page.is_hidden(part), part
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_with_javascript_the_notice_is_hidden(phone, site):
    phone.goto(f"{site}/review/")
    phone.wait_for_selector("#review[aria-busy=false]")
    assert phone.is_hidden("text=Reviewing needs JavaScript")
    assert phone.is_visible("[data-filters] summary")


def next_due(srs_build, deck: list[str], ratings: dict[str, int]) -> datetime:
    """When the first card of `deck` falls due after `ratings` at NOW, by the `fsrs` package."""
    cards = load_cards_json(str(srs_build.output / "cards.json"))
    reviews = read_log(str(SITE / "content" / "reviews.jsonl")).reviews
    reviews += [Review(card_id, NOW, rating, 0) for card_id, rating in ratings.items()]
    states = Progress.build(cards, reviews, SchedulerConfig(new_per_day=3)).states
    return min(states[card_id].due for card_id in deck)


def test_the_next_due_date_is_in_the_sites_format(phone, site, srs_build):
    phone.goto(f"{site}/review/")
    phone.wait_for_selector("#review[aria-busy=false]")
    for _ in range(5):
        phone.tap("[data-reveal]")
        phone.tap("[data-rating='4']")
    assert phone.inner_text("[data-done] h2") == "Session complete"
    cards = json.loads((srs_build.output / "cards.json").read_text())["cards"]
    deck = [card["id"] for card in cards]
    due = next_due(srs_build, deck, dict.fromkeys(deck, 4))
    days = round((due - NOW).total_seconds() / 86400)
    assert f"Next card due {due:%-d %B %Y} at {due:%H:%M} (in {days}d)." in phone.inner_text("[data-done]")


@pytest.fixture(scope="module")
def short_window_site(srs_build, serve, tmp_path_factory):
    """The fixture site as built, but publishing a learn-ahead window of 5 minutes."""
    output = tmp_path_factory.mktemp("learn-ahead") / "output"
    shutil.copytree(srs_build.output, output)
    for name in ["reviews.json", "review/index.json", *(p.relative_to(output).as_posix() for p in (output / "review").glob("cards-*.json"))]:
        document = json.loads((output / name).read_text())
        assert document["scheduler"]["learn_ahead"] == 1200, name
        document["scheduler"]["learn_ahead"] = 300
        (output / name).write_text(json.dumps(document))
    return serve(output)


@pytest.mark.parametrize("window", [1200, 300])
def test_the_learn_ahead_window_is_the_one_the_build_published(phone, site, short_window_site, window):
    phone.goto(f"{site if window == 1200 else short_window_site}/review/?note=bayes")
    phone.wait_for_selector("#review[aria-busy=false]")
    # the due card (in its first learning step) and the new one, both Good: due again at 10:10
    for _ in range(2):
        phone.tap("[data-reveal]")
        phone.tap("[data-rating='3']")
    if window == 1200:  # within 20 minutes: the session goes on with them, first in the queue first
        assert phone.inner_text("[data-question]").strip() == "What does Bayes' theorem let you compute?"
        assert " ".join(phone.inner_text("[data-progress]").split()).startswith("0 due · 0 new · 2 done today")
    else:
        assert phone.inner_text("[data-done] h2") == "Session complete"
        assert "Next card due today at 10:10 (in 10m)." in phone.inner_text("[data-done]")


def test_on_a_wide_screen_the_filters_open_over_the_card_and_close_like_a_menu(page, site):
    page.clock.set_fixed_time(NOW)
    page.goto(f"{site}/review/")
    page.wait_for_selector("#review[aria-busy=false]")
    summary_box, card_box = box(page, "[data-filters] summary"), box(page, "[data-card]")
    assert summary_box["y"] + summary_box["height"] <= card_box["y"]  # beside the title, above the card
    page.click("[data-filters] summary")
    assert box(page, "[data-card]") == card_box  # the open filters do not push the card down
    page.focus("select[name=tag]")
    page.keyboard.press("Escape")
    assert page.is_hidden("select[name=tag]")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.click("[data-filters] summary")
    page.click("[data-question]")
    assert page.is_hidden("select[name=tag]")


def test_after_a_long_answer_the_next_card_is_shown_from_its_top(phone, site, srs_build):
    long = " ".join(["And so on."] * 400)
    cards = json.loads((srs_build.output / "cards.json").read_text())
    for card in cards["cards"]:
        if card["id"] == "variance-5e6f7a8b":  # the second card: a long question too
            card["question"] += f"<p>{long}</p>"
    phone.route("**/cards.json", lambda route: route.fulfill(json=cards))
    phone.goto(f"{site}/review/")
    phone.wait_for_selector("#review[aria-busy=false]")
    phone.evaluate(f"document.querySelector('[data-answer]').insertAdjacentHTML('beforeend', '<p>{long}</p>')")
    phone.tap("[data-reveal]")
    phone.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert box(phone, "[data-card]")["y"] < 0
    phone.tap("[data-rating='3']")
    assert phone.inner_text("[data-question]").strip().startswith("Why square the distances?")
    assert 0 <= box(phone, "[data-card]")["y"] < 844
