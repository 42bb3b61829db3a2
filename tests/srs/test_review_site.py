"""The review fixture site: what the build reports about the log, and the pages and JSON it writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

from srs_helpers import SITE, report_text

from sitebuild import build_site

HINT_LINE = (
    'hint: each line holds one review, e.g. {"card": "variance-1a2b3c4d", "at": "2026-10-01T09:30:00Z",'
    ' "rating": 3, "ms": 5200}; the line is kept in the file but not used'
)


def test_log_problems_and_history_without_a_card_are_reported(srs_build):
    text = report_text(srs_build.log)
    expected = [
        f"content/reviews.jsonl:4: not valid JSON: Expecting value (column 1) {HINT_LINE}",
        f"content/reviews.jsonl:5: 'rating' must be one of 1 (Again), 2 (Hard), 3 (Good), 4 (Easy), got 5 {HINT_LINE}",
        "content/reviews.jsonl:6: card 'variance-deadbeef' has 2 reviews (lines 6, 7) but no card has that id now;"
        " it came from note 'variance' (content/notes/variance.md)"
        " hint: if its question changed, give the card back its id with `id: variance-deadbeef` in its card block;"
        " `studyfolio cards pin` writes ids into cards so edits keep history",
        "content/reviews.jsonl:8: card 'old-note-12345678' has 1 review (line 8) but no card has that id now;"
        " it came from note 'old-note', which is no longer in the site",
        "content/reviews.jsonl:10: review of 'bayes-0badcafe' at 2026-09-21T10:00:00Z is also on line 9 with other"
        " details; rating 2, 5000 ms is used hint: one card cannot be reviewed twice at one instant; delete the wrong line",
    ]
    positions = [text.find(line) for line in expected]
    assert -1 not in positions, [line for line in expected if line not in text]
    assert positions == sorted(positions)  # in the order of the file
    assert "Studyfolio found 2 error(s) and 3 warning(s)." in text


def test_reviews_json_publishes_every_valid_review_grouped_by_card(srs_build):
    data = json.loads(srs_build.text("reviews.json"))
    assert data["format"] == "studyfolio-history" and data["version"] == 1
    assert data["scheduler"] == {
        "desired_retention": 0.9,
        "learning_steps": [60, 600],
        "relearning_steps": [600],
        "maximum_interval": 36500,
        "new_per_day": 3,
        "learn_ahead": 1200,
    }
    assert data["history"] == {
        "bayes-0badcafe": [1789984800000, 2, 5000],
        "old-note-12345678": [1789542300000, 2, 2500],
        "variance-1a2b3c4d": [1789459200000, 3, 4200, 1789459830000, 3, 3100],
        "variance-5e6f7a8b": [1789459260000, 1, 9000],
        "variance-deadbeef": [1789542000000, 3, 2000, 1789887600000, 4, 1500],
    }


def test_review_page_offers_every_deck_and_loads_only_site_files(srs_build):
    page = srs_build.page("review/index.html")
    assert page.findtext(".//title") == "Review · Studyfolio"
    review = page.get_element_by_id("review")
    assert review.get("data-cards-url") == "/cards.json"
    assert review.get("data-history-url") == "/reviews.json"
    options = {
        select.get("name"): [(o.get("value"), o.text_content()) for o in select.findall("option")]
        for select in review.cssselect("form.review-deck select")
    }
    assert options == {
        "note": [("", "All cards (5)"), ("bayes", "Bayes' theorem (2)"), ("variance", "Variance, in my own words (3)")],
        "tag": [("", "Any tag"), ("probability", "#probability (2)"), ("spread", "#spread (2)"), ("statistics", "#statistics (3)"), ("variance", "#variance (3)")],
        "level": [("", "Any level"), ("easy", "easy (2)"), ("medium", "medium (2)"), ("hard", "hard (1)")],
    }
    assert [b.text_content().split()[0] for b in review.cssselect("[data-rating]")] == ["Again", "Hard", "Good", "Easy"]
    assert "Reviewing needs JavaScript" in review.cssselect(".review-nojs")[0].text_content()
    assets = [e.get("src") for e in page.iter("script")] + [e.get("href") for e in page.iter("link")]
    assert all(a.startswith("/") for a in assets if a), assets
    for asset in ("/theme/js/review-page.js", "/theme/css/studyfolio.css"):
        assert asset in assets
        assert (srs_build.output / asset.lstrip("/")).exists()


def test_home_page_heatmap_counts_reviews_and_notes_per_day(srs_build):
    page = srs_build.page("index.html")
    section = page.cssselect("section.study-heatmap")[0]
    summary = section.cssselect(".study-heatmap-summary")[0].text_content()
    # 7 valid reviews (the two lines for one instant are one review) on 4 days; two notes
    assert " ".join(summary.split()) == (
        "7 reviews on 4 days and 2 notes published between 22 September 2025 and 21 September 2026."
        " Streak: 2 days (longest 2). Review cards"
    )
    cells = {c.get("data-day"): c for c in section.cssselect("rect[data-day]")}
    assert len(cells) == 52 * 7 + 1  # 52 full weeks and the Monday of the last one
    assert cells["2026-09-15"].get("data-reviews") == "3"
    assert cells["2026-09-15"].findtext("title") == "Tue 15 Sep 2026: 3 reviews"
    assert cells["2026-09-20"].findtext("title") == "Sun 20 Sep 2026: 1 review, note: Bayes' theorem"
    assert cells["2026-09-14"].get("data-notes") == "1"
    assert cells["2026-09-14"].findtext("title") == "Mon 14 Sep 2026: 0 reviews, note: Variance, in my own words"
    assert cells["2026-09-13"].find("title") is None
    levels = {c.get("data-day"): c.get("class") for c in cells.values() if c.get("data-reviews") != "0"}
    assert levels == {
        "2026-09-15": "hm-cell hm-4",
        "2026-09-16": "hm-cell hm-3",
        "2026-09-20": "hm-cell hm-2",
        "2026-09-21": "hm-cell hm-2",
    }


def test_strict_mode_fails_on_log_problems(tmp_path):
    build = build_site(SITE / "srsconf.py", tmp_path / "out", cwd=SITE, extra={"STUDYFOLIO_STRICT": True})
    assert build.returncode == 1
    assert "strict mode: 2 error(s) and 3 warning(s) in the sources" in report_text(build.log)


def test_a_bad_setting_is_reported_at_its_line_and_the_default_is_used(tmp_path):
    settings = tmp_path / "badconf.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(SITE)!r})\nfrom srsconf import *\n\n"
                        "STUDYFOLIO_DESIRED_RETENTION = 90\n")
    build = build_site(settings, tmp_path / "out", content=SITE / "content", cwd=SITE)
    assert build.returncode == 0
    assert (
        f"{os.path.relpath(settings, SITE)}:5: STUDYFOLIO_DESIRED_RETENTION must be a number between"
        " 0 and 1 (e.g. 0.9), got 90; using 0.9 hint: e.g. STUDYFOLIO_DESIRED_RETENTION = 0.9"
    ) in report_text(build.log)
    assert "Traceback" not in build.log
    assert json.loads((build.output / "reviews.json").read_text())["scheduler"]["desired_retention"] == 0.9


def test_a_bad_setting_given_on_the_command_line_is_reported_as_a_setting(tmp_path):
    """`-e NAME=VALUE` is in no file: the problem is placed at `settings`, not at a file's line
    (the arguments of the process that started the build are not read)."""
    build = build_site(SITE / "srsconf.py", tmp_path / "out", cwd=SITE, extra={"STUDYFOLIO_NEW_CARDS_PER_DAY": -1})
    assert build.returncode == 0
    assert "settings:1: STUDYFOLIO_NEW_CARDS_PER_DAY must be a whole number" in report_text(build.log)


def test_same_sources_give_the_same_files(srs_build, tmp_path):
    again = build_site(SITE / "srsconf.py", tmp_path / "out", cwd=SITE)
    assert again.returncode == 0
    for name in ("reviews.json", "review/index.html", "index.html"):
        assert (Path(again.output) / name).read_bytes() == (srs_build.output / name).read_bytes(), name


def test_deck_pages_show_mastery_as_of_the_last_review(srs_build):
    found = {}
    for deck in ("cards/index.html", "cards/notes/variance/index.html", "cards/notes/bayes/index.html", "cards/tags/spread/index.html"):
        box = srs_build.page(deck).cssselect(".deck-mastery")[0]
        assert box.cssselect("meter")[0].get("value") == box.cssselect("[data-mastery-value]")[0].text_content().rstrip("%")
        found[deck] = " ".join(box.text_content().split())
    as_of = "as of the last review in the log (21 September 2026)"
    assert found == {
        "cards/index.html": f"Mastery 48% 48% 3 of 5 cards studied, {as_of}",
        "cards/notes/variance/index.html": f"Mastery 47% 47% 2 of 3 cards studied, {as_of}",
        # reviewed at the very moment of the last review: recalled for sure, the other card new
        "cards/notes/bayes/index.html": f"Mastery 50% 50% 1 of 2 cards studied, {as_of}",
        "cards/tags/spread/index.html": f"Mastery 41% 41% 1 of 2 cards studied, {as_of}",
    }
    scripts = [s.get("src") for s in srs_build.page("cards/index.html").iter("script") if s.get("src")]
    assert scripts == ["/theme/js/site.js", "/theme/js/deck-page.js"]


def test_every_deck_page_and_note_links_to_its_review(srs_build):
    links = {
        page: srs_build.page(page).cssselect(".deck-tools a.button, .note-cards-actions a.button")[0].get("href")
        for page in ("cards/index.html", "cards/notes/bayes/index.html", "cards/tags/spread/index.html", "notes/bayes/index.html")
    }
    assert links == {
        "cards/index.html": "/review/",
        "cards/notes/bayes/index.html": "/review/?note=bayes",
        "cards/tags/spread/index.html": "/review/?tag=spread",
        "notes/bayes/index.html": "/review/?note=bayes",
    }
