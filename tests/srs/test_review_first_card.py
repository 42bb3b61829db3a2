"""The review page's first card, chosen from review/index.json and this browser's own reviews
before cards.json and reviews.json arrive: right with local reviews newer or older than the
published log, never replaced before the learner acts, and the session counted from the whole
history once it is in."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta

import pytest
from srs_helpers import SITE, card

from studyfolio.srs.cards import StudyCard, load_cards_json
from studyfolio.srs.exchange import history_json
from studyfolio.srs.log import Review, read_log
from studyfolio.srs.progress import Progress
from studyfolio.srs.queue import review_files
from studyfolio.srs.scheduler import SchedulerConfig

pytestmark = pytest.mark.browser

NOW = datetime(2026, 10, 1, 10, 0, tzinfo=UTC)
STORE = "studyfolio-reviews"
CONFIG = SchedulerConfig(new_per_day=3)
# Every text the question area shows, in order, from the moment the page starts.
RECORD = """
window.shownQuestions = [];
new MutationObserver(function () {
  var q = document.querySelector("[data-question]"), text = q && q.textContent.trim();
  if (text && window.shownQuestions[window.shownQuestions.length - 1] !== text) { window.shownQuestions.push(text); }
}).observe(document, { subtree: true, childList: true, characterData: true });
"""


@pytest.fixture(scope="module")
def site(srs_build, serve):
    return serve(srs_build.output)


def open_review(page, site, own=(), query=""):
    """/review/ at NOW, with `own` reviews ({card, at, rating, ms}) saved in this browser."""
    page.clock.set_fixed_time(NOW)
    page.add_init_script(RECORD)
    page.goto(f"{site}/cards/")
    document = {"format": "studyfolio-reviews", "version": 1, "reviews": list(own)}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORE, json.dumps(document)])
    page.goto(f"{site}/review/{query}")
    page.wait_for_selector("#review[aria-busy=false]")


def progress(page) -> str:
    return " ".join(page.inner_text("[data-progress]").split())


def mastery(srs_build, own: list[dict]) -> int:
    """The deck's mastery at NOW by the `fsrs` package, from the published log and `own` reviews."""
    cards = load_cards_json(str(srs_build.output / "cards.json"))
    reviews = read_log(str(SITE / "content" / "reviews.jsonl")).reviews
    reviews += [Review(r["card"], datetime.fromisoformat(r["at"]), r["rating"], r["ms"]) for r in own]
    return round(100 * Progress.build(cards, reviews, CONFIG).mastery(cards, NOW))


def test_without_own_reviews_the_first_due_card_in_deck_order_comes_first(page, site, srs_build):
    open_review(page, site)
    assert page.evaluate("window.shownQuestions") == ["What does Bayes' theorem let you compute?"]
    assert progress(page) == f"3 due · 2 new · 0 done today Deck mastery {mastery(srs_build, [])}%"


def test_own_reviews_newer_than_the_published_log_are_replayed_on_its_states(page, site, srs_build):
    # rated Easy a minute ago: the Bayes card is no longer due, so the next due card comes first
    own = [{"card": "bayes-0badcafe", "at": "2026-10-01T09:59:00Z", "rating": 4, "ms": 1000}]
    open_review(page, site, own)
    assert page.evaluate("window.shownQuestions") == ["What does variance measure?"]
    assert progress(page) == f"2 due · 2 new · 1 done today Deck mastery {mastery(srs_build, own)}%"
    assert mastery(srs_build, own) != mastery(srs_build, [])


def test_own_reviews_older_than_the_published_log_wait_for_the_whole_history(page, site, srs_build):
    # an export imported nowhere yet, older than the build's last review of that card: its state
    # needs the whole history, so a card whose state is known comes first, and the Bayes card,
    # replayed from everything once reviews.json is in, is due in this session too
    own = [{"card": "bayes-0badcafe", "at": "2026-09-21T09:00:00Z", "rating": 3, "ms": 1000}]
    open_review(page, site, own)
    assert page.evaluate("window.shownQuestions") == ["What does variance measure?"]
    assert progress(page) == f"3 due · 2 new · 0 done today Deck mastery {mastery(srs_build, own)}%"
    assert mastery(srs_build, own) != mastery(srs_build, [])
    seen = []
    for _ in range(3):
        seen.append(page.inner_text("[data-question]").strip())
        page.keyboard.press("Space")
        page.keyboard.press("3")
    assert seen == ["What does variance measure?", "Why square the distances?", "What does Bayes' theorem let you compute?"]


def test_first_cards_arriving_after_the_script_still_give_the_right_first_card(page, site, srs_build):
    def late(route):
        page.wait_for_timeout(400)
        route.continue_()

    page.route("**/review/cards-0.json", late)
    own = [{"card": "bayes-0badcafe", "at": "2026-10-01T09:59:00Z", "rating": 4, "ms": 1000}]
    open_review(page, site, own)
    assert page.evaluate("window.shownQuestions") == ["What does variance measure?"]
    assert progress(page) == f"2 due · 2 new · 1 done today Deck mastery {mastery(srs_build, own)}%"


@pytest.fixture(scope="module")
def big_site(srs_build, serve, tmp_path_factory):
    """The fixture site with 150 cards: 120 of note 'bayes' then 30 of 'variance', all due."""
    output = tmp_path_factory.mktemp("big-review") / "output"
    shutil.copytree(srs_build.output, output)
    cards = [card(f"{'bayes' if i < 120 else 'variance'}-{i:08x}", "bayes" if i < 120 else "variance",
                  f"<p>Question {i}</p>", f"<p>Answer {i}</p>") for i in range(150)]
    reviews = [Review(c["id"], NOW - timedelta(days=30, minutes=i), 3, 1000) for i, c in enumerate(cards)]
    (output / "cards.json").write_text(json.dumps({"format": "studyfolio-cards", "version": 1, "cards": cards}))
    (output / "reviews.json").write_text(history_json(reviews, CONFIG))
    progress = Progress.build([], reviews, CONFIG)
    for name, text in review_files(cards, progress.states, CONFIG).items():
        (output / name).write_text(text)
    variance = [StudyCard(c["id"], c["note"]["slug"]) for c in cards[120:]]
    return serve(output), round(100 * progress.mastery(variance, NOW))


def test_a_deck_whose_first_card_is_in_a_later_file_reads_that_file(page, big_site):
    big_site, expected_mastery = big_site
    requested = []
    page.on("request", lambda request: requested.append(request.url.rsplit("/", 1)[-1]))
    open_review(page, big_site, query="?note=variance")
    assert page.evaluate("window.shownQuestions") == ["Question 120"]
    assert "cards-1.json" in requested
    assert progress(page) == f"30 due · 0 new · 0 done today Deck mastery {expected_mastery}%"


def test_the_first_card_can_be_revealed_while_the_rest_loads_and_rated_once_it_is_in(page, site):
    held = []
    page.route("**/cards.json", lambda route: held.append(route))  # cards.json waits until the test lets it go
    page.clock.set_fixed_time(NOW)
    page.goto(f"{site}/review/")
    page.wait_for_selector("[data-stage]:not([hidden])")
    assert page.get_attribute("#review", "aria-busy") == "true"
    assert page.inner_text("[data-question]").strip() == "What does Bayes' theorem let you compute?"
    page.keyboard.press("Space")
    assert page.is_visible("[data-answer]")
    intervals = page.eval_on_selector_all("[data-interval]", "nodes => nodes.map(n => n.textContent)")
    page.keyboard.press("3")  # not yet: the session is not counted
    assert page.is_visible("[data-answer]") and page.evaluate("localStorage.length") == 0
    held[0].continue_()
    page.wait_for_selector("#review[aria-busy=false]")
    assert page.inner_text("[data-question]").strip() == "What does Bayes' theorem let you compute?"
    assert page.eval_on_selector_all("[data-interval]", "nodes => nodes.map(n => n.textContent)") == intervals
    page.keyboard.press("3")
    assert progress(page).startswith("2 due · 2 new · 1 done today")
