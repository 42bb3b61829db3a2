"""Card ids that are names of JavaScript built-ins (`constructor`, `toString`, `__proto__`,
`hasOwnProperty`) are ordinary ids on /review/: every card is reviewed and its history kept."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta

import pytest
from srs_helpers import card

from studyfolio.srs.exchange import history_json
from studyfolio.srs.log import Review
from studyfolio.srs.progress import Progress
from studyfolio.srs.queue import review_files
from studyfolio.srs.scheduler import SchedulerConfig

pytestmark = pytest.mark.browser

NOW = datetime(2026, 10, 1, 10, 0, tzinfo=UTC)
CONFIG = SchedulerConfig(new_per_day=10)
IDS = ("constructor", "toString", "__proto__", "hasOwnProperty")


@pytest.fixture(scope="module")
def builtin_site(srs_build, serve, tmp_path_factory):
    """The fixture site whose cards are four cards with built-in names, all reviewed and due."""
    output = tmp_path_factory.mktemp("builtin-ids") / "output"
    shutil.copytree(srs_build.output, output)
    cards = [card(cid, "bayes", f"<p>Question {cid}</p>", f"<p>Answer {cid}</p>") for cid in IDS]
    reviews = [Review(cid, NOW - timedelta(days=30, minutes=i), 3, 1000) for i, cid in enumerate(IDS)]
    (output / "cards.json").write_text(json.dumps({"format": "studyfolio-cards", "version": 1, "cards": cards}))
    (output / "reviews.json").write_text(history_json(reviews, CONFIG))
    progress = Progress.build([], reviews, CONFIG)
    for name, text in review_files(cards, progress.states, CONFIG).items():
        (output / name).write_text(text)
    return serve(output)


def test_cards_named_like_builtins_are_all_reviewed(page, builtin_site):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.set_fixed_time(NOW)
    page.goto(f"{builtin_site}/review/")
    page.wait_for_selector("#review[aria-busy=false]")
    assert " ".join(page.inner_text("[data-progress]").split()).startswith("4 due · 0 new · 0 done today")
    seen = []
    for _ in IDS:
        seen.append(page.inner_text("[data-question]").strip())
        page.keyboard.press("Space")
        page.keyboard.press("3")
    assert sorted(seen) == sorted(f"Question {cid}" for cid in IDS)
    page.goto(f"{builtin_site}/cards/")  # leaving the page writes the last rating too
    saved = json.loads(page.evaluate("localStorage.getItem('studyfolio-reviews')"))
    assert sorted(review["card"] for review in saved["reviews"]) == sorted(IDS)
    assert errors == []
