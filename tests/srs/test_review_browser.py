"""The review page in headless Chromium, used by keyboard as a learner would."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

NOW = datetime(2026, 10, 1, 10, 0, tzinfo=UTC)
STORE = "studyfolio-reviews"


@pytest.fixture(scope="module")
def site(srs_build, serve):
    return serve(srs_build.output)


def open_review(page, site, query: str = ""):
    page.clock.set_fixed_time(NOW)
    page.goto(f"{site}/review/{query}")
    page.wait_for_selector("#review[aria-busy=false]")  # the whole session is counted


def progress(page) -> str:
    return " ".join(page.inner_text("[data-progress]").split())


def question(page) -> str:
    return page.inner_text("[data-question]").strip()


def saved(page) -> list:
    raw = page.evaluate(f"localStorage.getItem({STORE!r})")
    return json.loads(raw)["reviews"] if raw else []


def test_review_five_cards_reload_export_clear_import(page, site, tmp_path):
    open_review(page, site)
    # due cards first; then the two new cards (the daily limit is 3)
    assert progress(page) == "3 due · 2 new · 0 done today Deck mastery 39%"
    seen = []
    for _ in range(5):
        seen.append(question(page))
        assert page.is_hidden("[data-answer]")
        page.keyboard.press("Space")
        assert page.is_visible("[data-answer]")
        assert page.inner_text(".rate-easy .rate-interval") != ""
        page.keyboard.press("4")
    assert seen == [
        "What does Bayes' theorem let you compute?",  # the first due card in deck order, shown at once
        "Why square the distances?",  # then the others, soonest due first: Again on 15 Sep
        "What does variance measure?",  # due 17 Sep
        "What is a prior?",  # then new cards, in deck order
        "How is the standard deviation related to variance?",
    ]
    assert page.inner_text("[data-done] h2") == "Session complete"
    assert "You rated 5 cards in about 1 min: Again 0 · Hard 0 · Good 0 · Easy 5." in page.inner_text("[data-done]")
    assert progress(page) == "0 due · 0 new · 5 done today Deck mastery 100%"

    page.reload()
    page.wait_for_selector("#review[aria-busy=false]")
    assert progress(page) == "0 due · 0 new · 5 done today Deck mastery 100%"
    assert page.inner_text("[data-done] h2") == "Nothing to review right now"
    kept = saved(page)
    assert [(r["card"], r["at"], r["rating"]) for r in kept] == [
        ("bayes-0badcafe", "2026-10-01T10:00:00Z", 4),
        ("variance-5e6f7a8b", "2026-10-01T10:00:00Z", 4),
        ("variance-1a2b3c4d", "2026-10-01T10:00:00Z", 4),
        ("bayes-prior", "2026-10-01T10:00:00Z", 4),
        ("std-dev", "2026-10-01T10:00:00Z", 4),
    ]

    page.click("[data-data] summary")
    with page.expect_download() as download:
        page.click("[data-export]")
    exported = tmp_path / "export.json"
    download.value.save_as(exported)
    assert download.value.suggested_filename == "studyfolio-reviews-2026-10-01.json"
    document = json.loads(exported.read_text())
    assert document["format"] == "studyfolio-reviews" and document["version"] == 1
    assert sorted(r["card"] for r in document["reviews"]) == sorted(r["card"] for r in kept)
    assert page.inner_text("[data-data-status]") == "Exported 5 reviews."

    page.evaluate("localStorage.clear()")
    open_review(page, site)
    assert progress(page) == "3 due · 2 new · 0 done today Deck mastery 39%"

    page.click("[data-data] summary")
    page.set_input_files("[data-import]", str(exported))
    page.wait_for_function("document.querySelector('[data-data-status]').textContent.startsWith('Imported')")
    assert page.inner_text("[data-data-status]") == "Imported 5 new reviews (0 already here)."
    assert progress(page) == "0 due · 0 new · 5 done today Deck mastery 100%"
    page.set_input_files("[data-import]", str(exported))
    page.wait_for_function("document.querySelector('[data-data-status]').textContent.includes('already here). ') || document.querySelector('[data-data-status]').textContent.startsWith('Imported 0')")
    assert page.inner_text("[data-data-status]") == "Imported 0 new reviews (5 already here)."
    assert len(saved(page)) == 5
    assert page.foreign_requests == []


def test_each_rating_is_saved_at_once_and_undo_takes_it_back_out(page, site):
    open_review(page, site, "?note=bayes")
    assert page.input_value("select[name=note]") == "bayes"
    assert progress(page) == "1 due · 1 new · 0 done today Deck mastery 36%"
    first = question(page)
    page.keyboard.press("Space")
    page.keyboard.press("1")
    assert page.is_enabled("[data-undo]")
    assert [(r["card"], r["rating"]) for r in saved(page)] == [("bayes-0badcafe", 1)]
    page.keyboard.press("u")
    assert saved(page) == []
    assert question(page) == first
    assert page.is_hidden("[data-answer]")
    assert progress(page) == "1 due · 1 new · 0 done today Deck mastery 36%"
    page.keyboard.press("Enter")
    page.keyboard.press("3")
    page.keyboard.press("s")  # skip the new card
    page.reload()
    page.wait_for_selector("#review[aria-busy=false]")  # the whole session is counted
    assert [(r["card"], r["rating"]) for r in saved(page)] == [("bayes-0badcafe", 3)]


def test_a_broken_import_leaves_the_saved_log_untouched(page, site, tmp_path):
    open_review(page, site)
    page.keyboard.press("Space")
    page.keyboard.press("3")
    page.keyboard.press("Space")
    page.keyboard.press("3")  # each rating is saved as it is made
    before = page.evaluate(f"localStorage.getItem({STORE!r})")
    assert len(json.loads(before)["reviews"]) == 2
    page.click("[data-data] summary")
    cases = {
        "cut.json": ('{"format": "studyfolio-reviews", "version": 1, "reviews": [{"card"',
                     "This file is not valid JSON (it may be cut short). Nothing was imported."),
        "newer.json": (json.dumps({"format": "studyfolio-reviews", "version": 2, "reviews": []}),
                       "This export was made by a newer Studyfolio (format version 2); this page reads version 1."
                       " Update the site, then import again. Nothing was imported."),
        "bad.json": (json.dumps({"format": "studyfolio-reviews", "version": 1, "reviews": [
            {"card": "std-dev", "at": "2026-09-30T10:00:00Z", "rating": 3, "ms": 0},
            {"card": "std-dev", "at": "yesterday", "rating": 3, "ms": 0}]}),
            "1 broken review(s) in this file, so nothing was imported: review 2: 'at' must be a UTC time from 2000 to 2099 like"
            ' 2026-10-01T09:30:00Z, got "yesterday".'),
    }
    for name, (text, message) in cases.items():
        path = tmp_path / name
        path.write_text(text)
        page.set_input_files("[data-import]", str(path))
        page.wait_for_function("(m) => document.querySelector('[data-data-status]').textContent === m", arg=message)
        assert page.evaluate(f"localStorage.getItem({STORE!r})") == before
    assert progress(page).startswith("1 due · 2 new · 2 done today")


FULL = """
window.__full = true;
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (window.__full) { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }
  return setItem.call(this, key, value);
};
"""


def test_ratings_made_while_storage_is_full_are_kept_exported_and_saved_later(page, site, tmp_path):
    page.add_init_script(FULL)
    open_review(page, site)
    for _ in range(2):
        page.keyboard.press("Space")
        page.keyboard.press("3")
    assert saved(page) == []
    assert ("This browser refused to save your last rating (QuotaExceededError). Export your reviews now"
            " so they are not lost.") in page.inner_text("[data-notices]")
    page.click("[data-data] summary")
    with page.expect_download() as download:
        page.click("[data-export]")
    exported = json.loads(Path(download.value.path()).read_text())["reviews"]
    assert [r["rating"] for r in exported] == [3, 3]
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.close(run_before_unload=True)  # leaving asks first: two ratings are only in memory
    page.wait_for_timeout(200)
    assert dialogs == ["beforeunload"]


def test_ratings_the_browser_refused_are_saved_with_the_next_one(page, site):
    page.add_init_script(FULL)
    open_review(page, site)
    page.keyboard.press("Space")
    page.keyboard.press("3")
    page.evaluate("window.__full = false")  # the learner freed some space
    page.keyboard.press("Space")
    page.keyboard.press("4")
    assert [r["rating"] for r in saved(page)] == [3, 4]
    assert "The 1 rating(s) this browser could not save before are saved now." in page.inner_text("[data-notices]")


def test_an_unreadable_saved_log_is_kept_aside_not_wiped(page, site):
    open_review(page, site)
    page.evaluate(f"localStorage.setItem({STORE!r}, '{{\"format\": \"studyfolio-reviews\", \"reviews\": [')")
    page.reload()
    page.wait_for_selector("#review[aria-busy=false]")
    notice = page.inner_text(".review-notice-error")
    assert notice.startswith("The reviews saved in this browser could not be read, so they were kept aside, untouched,"
                             " under the storage key “studyfolio-reviews-unreadable-2026-10-01T10:00:00.000Z”")
    aside = page.evaluate("localStorage.getItem('studyfolio-reviews-unreadable-2026-10-01T10:00:00.000Z')")
    assert aside == '{"format": "studyfolio-reviews", "reviews": ['
    page.keyboard.press("Space")
    page.keyboard.press("4")
    page.reload()
    page.wait_for_selector("#review[aria-busy=false]")
    assert len(saved(page)) == 1
    assert page.evaluate("localStorage.getItem('studyfolio-reviews-unreadable-2026-10-01T10:00:00.000Z')") == aside


def test_deck_filters_change_the_session_and_the_address(page, site):
    open_review(page, site)
    page.click("[data-filters] summary")  # the filters are folded into one control
    page.select_option("select[name=level]", "hard")
    assert page.url.endswith("/review/?level=hard")
    assert progress(page) == "0 due · 1 new · 0 done today Deck mastery 0%"
    assert question(page) == "How is the standard deviation related to variance?"
    page.select_option("select[name=tag]", "probability")
    assert page.inner_text("[data-done] h2") == "No cards in this deck"


def test_without_javascript_the_page_says_where_the_cards_are(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/review/")
    assert "Reviewing needs JavaScript" in page.inner_text("main")
    assert page.is_hidden("[data-stage]")
    context.close()


@pytest.mark.screenshots
@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(browser, site, screenshot, width, height, scheme):
    phone = width < 600  # a touch screen: no key hints, the rating bar at the bottom
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                  has_touch=phone, is_mobile=phone)
    page = context.new_page()
    open_review(page, site)
    screenshot(page, f"srs-review-question-{width}-{scheme}")
    page.keyboard.press("Space")
    screenshot(page, f"srs-review-answer-{width}-{scheme}")
    for _ in range(5):
        page.keyboard.press("Space")
        page.keyboard.press("4")
    screenshot(page, f"srs-review-done-{width}-{scheme}")
    page.goto(f"{site}/")
    screenshot(page, f"srs-home-heatmap-{width}-{scheme}")
    page.goto(f"{site}/cards/notes/variance/")
    page.wait_for_function("document.querySelector('[data-mastery-detail]').textContent.startsWith('now')")
    screenshot(page, f"srs-deck-mastery-{width}-{scheme}")
    context.close()


def test_deck_mastery_is_recomputed_for_now_with_this_browsers_reviews(page, site):
    open_review(page, site, "?note=bayes")
    page.keyboard.press("Space")
    page.keyboard.press("4")  # the due card
    page.keyboard.press("Space")
    page.keyboard.press("4")  # the new one
    page.goto(f"{site}/cards/notes/bayes/")
    page.wait_for_function("document.querySelector('[data-mastery-detail]').textContent.startsWith('now')")
    # both cards reviewed this instant: certain recall; the build's figure was 50%
    assert page.inner_text("[data-mastery-value]") == "100%"
    assert page.inner_text("[data-mastery-detail]") == "now: 2 of 2 cards studied"
    page.goto(f"{site}/cards/notes/variance/")
    page.wait_for_function("document.querySelector('[data-mastery-detail]').textContent.startsWith('now')")
    assert page.inner_text("[data-mastery-detail]") == "now: 2 of 3 cards studied, 2 due for review"
    page.goto(f"{site}/cards/")  # the questions only, each with its card's id
    page.wait_for_function("document.querySelector('[data-mastery-detail]').textContent.startsWith('now')")
    assert page.inner_text("[data-mastery-detail]") == "now: 4 of 5 cards studied, 2 due for review"
    assert page.foreign_requests == []
