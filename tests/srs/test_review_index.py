"""review/index.json and review/cards-N.json: each card's state after the published log, equal
to a replay with the `fsrs` package, the cards' HTML a hundred a file, and the browser's
scheduler resumes from a published state exactly."""

from __future__ import annotations

import json
import random
import subprocess
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from srs_helpers import card
from test_fsrs_parity import NODE, random_history

from studyfolio.srs.log import Review, read_log
from studyfolio.srs.progress import Progress
from studyfolio.srs.queue import CHUNK, epoch_ms, review_files
from studyfolio.srs.scheduler import SchedulerConfig, replay

RUNNER = Path(__file__).with_name("resume_runner.js")


def test_index_publishes_every_card_in_deck_order_with_its_replayed_state(srs_build):
    cards = json.loads(srs_build.text("cards.json"))["cards"]
    index = json.loads(srs_build.text("review/index.json"))
    assert index["format"] == "studyfolio-review-index" and index["version"] == 1
    assert index["scheduler"] == json.loads(srs_build.text("reviews.json"))["scheduler"]
    assert index["chunk"] == CHUNK and index["total"] == 5
    assert index["notes"] == [["bayes", "Bayes' theorem", "notes/bayes/"], ["variance", "Variance, in my own words", "notes/variance/"]]
    assert [row[0] for row in index["cards"]] == [c["id"] for c in cards]
    assert [row[1:5] for row in index["cards"]] == [
        [index["notes"].index([c["note"]["slug"], c["note"]["title"], c["note"]["url"]]), c["level"], c["tags"], c["video_url"]]
        for c in cards
    ]
    # the states, against the `fsrs` package replaying the fixture's log (its valid lines, one per card and instant)
    reviews = read_log(str(Path(__file__).with_name("site") / "content" / "reviews.jsonl"), display="reviews.jsonl").reviews
    by_card: dict[str, list[Review]] = defaultdict(list)
    for review in sorted(reviews, key=lambda r: r.at):
        by_card[review.card].append(review)
    scheduler = SchedulerConfig(new_per_day=3).scheduler()
    published = {row[0]: row[5] for row in index["cards"]}
    assert {card_id for card_id, state in published.items() if state} == {"bayes-0badcafe", "variance-1a2b3c4d", "variance-5e6f7a8b"}
    for card_id, state in published.items():
        if card_id not in by_card:
            assert state is None
            continue
        want = replay(scheduler, [(r.at, r.rating) for r in by_card[card_id]])
        assert state == [epoch_ms(want.due), want.state.value, want.step, want.stability, want.difficulty,
                         epoch_ms(want.last_review)], card_id
    chunk = json.loads(srs_build.text("review/cards-0.json"))
    assert chunk == {
        "format": "studyfolio-review-cards", "version": 1, "scheduler": index["scheduler"], "chunk": CHUNK,
        "total": 5, "first": 0, "notes": index["notes"], "cards": index["cards"],
        "html": [[c["question"], c["answer"]] for c in cards],
    }
    assert not (srs_build.output / "review" / "cards-1.json").exists()


def test_the_cards_come_a_hundred_a_file_with_their_own_notes_and_an_empty_site_has_one_empty_file():
    cards = [card(f"n{i // 150}-{i:04d}", f"n{i // 150}", f"<p>Q{i}</p>", f"<p>A{i}</p>") for i in range(250)]
    files = review_files(cards, {}, SchedulerConfig())
    assert sorted(files) == ["review/cards-0.json", "review/cards-1.json", "review/cards-2.json", "review/index.json"]
    middle = json.loads(files["review/cards-1.json"])
    assert middle["first"] == 100 and middle["total"] == 250
    assert middle["notes"] == [["n0", "N0", "notes/n0/"], ["n1", "N1", "notes/n1/"]]
    assert middle["cards"][49] == ["n0-0149", 0, None, [], None, None]
    assert middle["cards"][50] == ["n1-0150", 1, None, [], None, None]
    assert middle["html"][50] == ["<p>Q150</p>", "<p>A150</p>"]
    last = json.loads(files["review/cards-2.json"])
    assert last["first"] == 200 and len(last["cards"]) == len(last["html"]) == 50 and last["notes"] == [["n1", "N1", "notes/n1/"]]
    index = json.loads(files["review/index.json"])
    assert [row[0] for row in index["cards"]] == [c["id"] for c in cards] and index["notes"] == middle["notes"]
    empty = review_files([], {}, SchedulerConfig())
    part = json.loads(empty["review/cards-0.json"])
    assert (part["total"], part["cards"], part["html"], part["notes"]) == (0, [], [], [])
    assert json.loads(empty["review/index.json"])["cards"] == []


def test_the_browser_resumes_a_published_state_exactly_as_a_whole_replay():
    """A published state (review/index.json) plus later reviews in fsrs.js equals the `fsrs`
    package replaying the whole history: what the review page relies on for this browser's reviews."""
    config = SchedulerConfig()
    scheduler = config.scheduler()
    rng = random.Random("resume")
    cases, wants = [], []
    for _ in range(600):
        history = random_history(rng)
        cut = rng.randint(0, len(history))
        reviews = [Review("c", at, rating, 0) for at, rating in history[:cut]]
        states = Progress.build([], reviews, config).states
        row = json.loads(review_files([card("c", "n", "", "")], states, config)["review/cards-0.json"])["cards"][0][5]
        cases.append({"state": row, "rest": [[epoch_ms(at), rating] for at, rating in history[cut:]]})
        wants.append(replay(scheduler, history))
    done = subprocess.run([NODE, str(RUNNER)], input=json.dumps({"config": {}, "cases": cases}),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert sum(1 for c in cases if c["state"] and c["rest"]) > 300  # most resume a reviewed card
    for case, js, want in zip(cases, got, wants, strict=True):
        assert js[0] == want.state.value and js[1] == want.step, case
        assert abs(js[2] - want.stability) <= 1e-6 and abs(js[3] - want.difficulty) <= 1e-6, case
        assert js[4] == epoch_ms(want.due) and js[5] == epoch_ms(want.last_review), case


def test_epoch_ms_keeps_milliseconds():
    assert epoch_ms(datetime(2026, 10, 1, 9, 30, 0, 123000, tzinfo=UTC)) == 1790847000123


def test_review_page_asks_for_its_first_cards_early_and_paints_once_its_script_ran(srs_build):
    page = srs_build.page("review/index.html")
    head = page.find("head")
    preload = head.cssselect('link[rel="preload"]')
    assert [(link.get("href"), link.get("as")) for link in preload] == [("/review/cards-0.json", "fetch")]
    inline = [script.text for script in head.iter("script") if not script.get("src")]
    assert [text for text in inline if 'read("chunk", site + "/review/cards-0.json")' in text] == inline[:1]
    scripts = [(s.get("src"), "defer" in s.attrib, s.get("blocking")) for s in head.iter("script") if s.get("src")]
    assert scripts == [("/theme/js/site.js", True, None), ("/theme/js/review-page.js", True, "render")]
    assert page.get_element_by_id("review").get("data-index-url") == "/review/index.json"
