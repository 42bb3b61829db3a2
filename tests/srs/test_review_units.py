"""Small pure parts: card text for the terminal, interval labels, where an id came from, the heatmap."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from studyfolio.flashcards.model import cards_from_html
from studyfolio.srs.cards import note_of_card_id, study_cards
from studyfolio.srs.heatmap import build_heatmap, level_of
from studyfolio.srs.scheduler import check_new_per_day, check_retention
from studyfolio.srs.stats import streaks
from studyfolio.srs.text import html_text, interval_label


def test_card_html_reads_as_text_with_math_as_tex():
    html = (
        '<p>The slope is <math><semantics><mi>m</mi><annotation encoding="application/x-tex">m</annotation>'
        "</semantics></math>.</p>"
        '<div class="math-display"><math display="block"><semantics><mrow><mi>y</mi></mrow>'
        '<annotation encoding="application/x-tex">y = mx + b</annotation></semantics></math></div>'
        "<ol><li>first</li><li>second <code>x</code></li></ol>"
    )
    assert html_text(html) == "The slope is $m$.\n\n$$y = mx + b$$\n\n- first\n- second x"
    assert html_text("") == ""


@pytest.mark.parametrize(
    ("seconds", "label"),
    [(30, "<1m"), (60, "1m"), (330, "5.5m"), (600, "10m"), (5400, "1.5h"), (86400, "1d"),
     (86400 * 8, "8d"), (86400 * 45, "1.5mo"), (86400 * 400, "1.1y"), (86400 * 3650, "10y")],
)
def test_interval_labels(seconds, label):
    assert interval_label(seconds) == label


def test_note_of_a_card_id():
    slugs = ["variance", "variance-and-covariance", "bayes"]
    assert note_of_card_id("variance-and-covariance-1a2b3c4d", slugs) == ("variance-and-covariance", True)
    assert note_of_card_id("variance-1a2b3c4d-c2", slugs) == ("variance", True)
    assert note_of_card_id("old-note-1a2b3c4d", slugs) == ("old-note", False)
    assert note_of_card_id("chain-rule", slugs) == (None, False)


def test_review_takes_the_flashcards_plugins_cards_in_order():
    html = (
        '<p>x</p><details class="card card-cloze" data-card-id="a-1" data-note="a" data-level="hard"'
        ' data-tags="t2 t1 t2"><summary>Q</summary></details>'
        '<details class="cardinal"></details>'
        '<details class="card" data-card-id="a-2"><summary>Q2</summary></details>'
    )
    cards = study_cards(cards_from_html(html, title="A note", url="notes/a/", path="x.md", slug="a"))
    assert [(c.id, c.note, c.note_title, c.note_url, c.level, c.tags) for c in cards] == [
        ("a-1", "a", "A note", "notes/a/", "hard", ("t1", "t2")),
        ("a-2", "a", "A note", "notes/a/", None, ()),
    ]


def test_settings_are_checked():
    assert check_retention(0.85) == 0.85
    assert check_new_per_day(0) == 0
    for bad in (0, 1, 1.2, "0.9", True):
        with pytest.raises(ValueError, match="STUDYFOLIO_DESIRED_RETENTION must be a number between 0 and 1"):
            check_retention(bad)
    for bad in (-1, 2.5, "20", True):
        with pytest.raises(ValueError, match="STUDYFOLIO_NEW_CARDS_PER_DAY must be a whole number of cards"):
            check_new_per_day(bad)


def test_streaks():
    days = {date(2026, 9, d) for d in (1, 2, 3, 10, 11, 29, 30)}
    assert streaks(days, date(2026, 9, 30)) == (2, 3)
    assert streaks(days, date(2026, 10, 1)) == (2, 3)  # today has no review yet: the streak holds
    assert streaks(days, date(2026, 10, 2)) == (0, 3)
    assert streaks(set(), date(2026, 10, 2)) == (0, 0)


def test_heatmap_levels_and_layout():
    assert [level_of(n, 8) for n in (0, 1, 2, 3, 4, 6, 8)] == [0, 1, 1, 2, 2, 3, 4]
    assert build_heatmap(Counter(), {}) is None
    heatmap = build_heatmap(Counter({date(2026, 9, 30): 8, date(2026, 9, 29): 1}), {date(2026, 3, 2): ["A note"]})
    assert heatmap.first == date(2025, 9, 29) and heatmap.last == date(2026, 9, 30)  # a Monday, 52 weeks back
    assert heatmap.first.weekday() == 0
    assert len(heatmap.days) == 52 * 7 + 3
    assert (heatmap.reviews, heatmap.review_days, heatmap.notes, heatmap.streak, heatmap.longest) == (9, 2, 1, 2, 2)
    assert heatmap.months[0] == (28 + 11, "Oct") and heatmap.months[-1][1] == "Sep"
    note_day = next(d for d in heatmap.days if d.day == date(2026, 3, 2))
    assert (note_day.x, note_day.y, note_day.label) == (28 + 22 * 11, 16, "Mon 2 Mar 2026: 0 reviews, note: A note")
