"""`studyfolio review`, `reviews import` and `reviews stats`, driven as a learner would."""

from __future__ import annotations

import io
import json
import time

import pytest

from studyfolio.cli import main

NOW = "2026-10-01T10:00:00Z"
SEEN = '{"card": "variance-aaaa1111", "at": "2026-09-01T10:00:00Z", "rating": 4, "ms": 1000}'


@pytest.fixture(autouse=True)
def utc(monkeypatch):
    """Local days and times as the tests expect them, whatever the machine's zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def review(place, keys: str, monkeypatch, capsys, *extra: str):
    monkeypatch.setattr("sys.stdin", io.StringIO(keys))
    code = main(["review", *place.args("--now", NOW, *extra)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


QUESTION_KEYS = "   (Space or Enter: show answer · s skip · u undo · q quit)"


def test_a_scripted_session_rates_undoes_and_appends_to_the_log(place, monkeypatch, capsys):
    place.log.write_text(SEEN + "\n")
    code, out, err = review(place, " 3 1 3u 4 3 3", monkeypatch, capsys)
    assert code == 0 and err == ""
    assert out.split("\n") == [
        "",
        "Due 1 · New 2 · Done today 0",
        "[Variance, in my own words · easy · #stats]",
        "Q: What does variance measure?",
        QUESTION_KEYS,
        "A: How spread out values are.",
        "   1 Again 10m · 2 Hard 1.6mo · 3 Good 2.5mo · 4 Easy 4.5mo   (u undo · s skip · q quit)",
        "Good: next in 2.5mo.",
        "",
        "Due 0 · New 2 · Done today 1",
        "[Variance, in my own words · medium · #stats]",
        "Q: Why square the distances?",
        QUESTION_KEYS,
        "A: - no cancelling",
        "- big gaps weigh more",
        "   1 Again 1m · 2 Hard 5.5m · 3 Good 10m · 4 Easy 8d   (u undo · s skip · q quit)",
        "Again: next in 1m.",
        "",
        "Due 0 · New 1 · Done today 2",
        "[Bayes' theorem · easy · #probability]",
        "Q: What is a prior?",
        QUESTION_KEYS,
        "A: A belief before the evidence.",
        "   1 Again 1m · 2 Hard 5.5m · 3 Good 10m · 4 Easy 8d   (u undo · s skip · q quit)",
        "Good: next in 10m.",
        "",
        # the card in its 1-minute step comes back within the 20-minute look-ahead
        "Due 0 · New 0 · Done today 3",
        "[Variance, in my own words · medium · #stats]",
        "Q: Why square the distances?",
        QUESTION_KEYS,
        "Took back Good.",
        "",
        "Due 0 · New 1 · Done today 2",
        "[Bayes' theorem · easy · #probability]",
        "Q: What is a prior?",
        QUESTION_KEYS,
        "A: A belief before the evidence.",
        "   1 Again 1m · 2 Hard 5.5m · 3 Good 10m · 4 Easy 8d   (u undo · s skip · q quit)",
        "Easy: next in 8d.",
        "",
        "Due 0 · New 0 · Done today 3",
        "[Variance, in my own words · medium · #stats]",
        "Q: Why square the distances?",
        QUESTION_KEYS,
        "A: - no cancelling",
        "- big gaps weigh more",
        "   1 Again 1m · 2 Hard 5.5m · 3 Good 10m · 4 Easy 1d   (u undo · s skip · q quit)",
        "Good: next in 10m.",
        "",
        "Due 0 · New 0 · Done today 4",
        "[Variance, in my own words · medium · #stats]",
        "Q: Why square the distances?",
        QUESTION_KEYS,
        "A: - no cancelling",
        "- big gaps weigh more",
        "   1 Again 1m · 2 Hard 10m · 3 Good 1d · 4 Easy 1d   (u undo · s skip · q quit)",
        "Good: next in 1d.",
        "",
        "Session over: 5 rating(s) (Again 1 · Hard 0 · Good 3 · Easy 1); 5 saved.",
        "Next card due 2026-10-02 10:00 (in 1d).",
        "",
    ]
    # The Good that was taken back was never written; a second review of one card in one
    # second moves on a second, so (card, at) stays unique.
    assert place.lines() == [
        SEEN,
        '{"card": "variance-aaaa1111", "at": "2026-10-01T10:00:00Z", "rating": 3, "ms": 0}',
        '{"card": "variance-bbbb2222", "at": "2026-10-01T10:00:00Z", "rating": 1, "ms": 0}',
        '{"card": "bayes-cccc3333", "at": "2026-10-01T10:00:00Z", "rating": 4, "ms": 0}',
        '{"card": "variance-bbbb2222", "at": "2026-10-01T10:00:01Z", "rating": 3, "ms": 0}',
        '{"card": "variance-bbbb2222", "at": "2026-10-01T10:00:02Z", "rating": 3, "ms": 0}',
    ]


def test_quit_saves_the_last_rating_and_skip_and_empty_undo_say_so(place, monkeypatch, capsys):
    code, out, _ = review(place, "u s 2q", monkeypatch, capsys)
    assert code == 0
    assert "Nothing to undo: only the last rating can be taken back." in out
    assert "Skipped." in out
    assert out.endswith("Session over: 1 rating(s) (Again 0 · Hard 1 · Good 0 · Easy 0), 1 skipped; 1 saved.\n"
                        "Next card due 2026-10-01 10:05 (in 5.5m).\n")
    assert place.lines() == ['{"card": "variance-bbbb2222", "at": "2026-10-01T10:00:00Z", "rating": 2, "ms": 0}']


def test_rating_keys_before_the_answer_is_shown_do_nothing(place, monkeypatch, capsys):
    _, out, _ = review(place, "3\n3", monkeypatch, capsys, "--note", "bayes")
    assert out.count("Q: What is a prior?") == 2  # shown, then again after the rating
    assert place.lines() == ['{"card": "bayes-cccc3333", "at": "2026-10-01T10:00:00Z", "rating": 3, "ms": 0}']


def test_daily_new_card_limit_comes_from_the_build(place, monkeypatch, capsys):
    (place.site / "reviews.json").write_text(json.dumps(
        {"format": "studyfolio-history", "version": 1, "scheduler": {"desired_retention": 0.9, "new_per_day": 1}, "history": {}}
    ))
    code, out, _ = review(place, " 4", monkeypatch, capsys)
    assert code == 0
    assert out.count("Q: ") == 1
    assert out.endswith("2 new card(s) wait for another day (daily limit 1).\n")


def test_nothing_due(place, monkeypatch, capsys):
    place.log.write_text(SEEN.replace("2026-09-01", "2026-09-30") + "\n")
    code, out, _ = review(place, "", monkeypatch, capsys, "--note", "variance", "--level", "easy")
    assert code == 0
    assert out == "\nNothing to review in this deck right now.\nNext card due 2026-10-08 10:00 (in 7d).\n"


def test_missing_cards_file_says_what_to_run(place, monkeypatch, capsys):
    (place.site / "cards.json").unlink()
    code, out, err = review(place, "", monkeypatch, capsys)
    assert code == 1 and out == ""
    assert err == (
        f"studyfolio: {place.site / 'cards.json'} not found: this command reads the cards of the last build;"
        " run `make html` first (or give the output folder with --site)\n"
    )


def test_unknown_deck_is_an_error(place, monkeypatch, capsys):
    code, _, err = review(place, "", monkeypatch, capsys, "--tag", "nope")
    assert code == 1
    assert err == "studyfolio: no cards in the deck (tag nope)\n"


def test_bad_log_lines_are_reported_and_kept(place, monkeypatch, capsys):
    place.log.write_text("garbage\n")
    code, _, err = review(place, "q", monkeypatch, capsys)
    assert code == 0
    assert err.startswith(f"{place.log}:1: not valid JSON: Expecting value (column 1)\n    hint: each line holds one review")
    assert place.lines() == ["garbage"]


# --- reviews import -------------------------------------------------------------------

EXPORT = {
    "format": "studyfolio-reviews",
    "version": 1,
    "reviews": [
        {"card": "bayes-cccc3333", "at": "2026-09-02T08:00:00Z", "rating": 3, "ms": 2000},
        json.loads(SEEN),
        {"card": "variance-bbbb2222", "at": "2026-09-02T08:01:00.250Z", "rating": 1, "ms": 4000},
    ],
}


def test_import_merges_once_and_a_second_import_changes_nothing(place, tmp_path, capsys):
    place.log.write_text(SEEN + "\n")
    export = tmp_path / "export.json"
    export.write_text(json.dumps(EXPORT))
    assert main(["reviews", "import", str(export), "--content", str(place.content)]) == 0
    assert capsys.readouterr().out == f"Imported 2 new review(s) into {place.log} (1 already there).\n"
    merged = place.lines()
    assert merged == [
        SEEN,
        '{"card": "bayes-cccc3333", "at": "2026-09-02T08:00:00Z", "rating": 3, "ms": 2000}',
        '{"card": "variance-bbbb2222", "at": "2026-09-02T08:01:00.250Z", "rating": 1, "ms": 4000}',
    ]
    assert main(["reviews", "import", str(export), "--content", str(place.content)]) == 0
    assert capsys.readouterr().out == f"Imported 0 new review(s) into {place.log} (3 already there).\n"
    assert place.lines() == merged


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"format": "studyfolio-reviews", "version": 1, "reviews": [{"card": "a", "at', "not valid JSON (line 1, column 74: Unterminated string starting at); the file may be cut short: export it again from the review page"),
        (json.dumps({**EXPORT, "version": 3}), "written by a newer Studyfolio (format version 3); this one reads version 1: update Studyfolio, then import again"),
    ],
)
def test_a_broken_export_leaves_the_log_untouched(place, tmp_path, capsys, text, reason):
    place.log.write_text(SEEN + "\n")
    before = place.log.read_bytes()
    export = tmp_path / "broken.json"
    export.write_text(text)
    assert main(["reviews", "import", str(export), "--content", str(place.content)]) == 1
    assert capsys.readouterr().err == f"studyfolio: {export}: {reason}\n"
    assert place.log.read_bytes() == before


def test_import_of_a_missing_file(place, tmp_path, capsys):
    assert main(["reviews", "import", str(tmp_path / "nope.json"), "--content", str(place.content)]) == 1
    assert capsys.readouterr().err == f"studyfolio: cannot read {tmp_path / 'nope.json'}: No such file or directory\n"
    assert not place.log.exists()


# --- reviews stats --------------------------------------------------------------------


def line(card: str, at: str, rating: int) -> str:
    return json.dumps({"card": card, "at": at, "rating": rating, "ms": 1000})


def test_stats(place, capsys):
    place.log.write_text("\n".join([
        line("variance-aaaa1111", "2026-09-20T09:00:00Z", 3),  # new -> learning
        line("variance-aaaa1111", "2026-09-20T09:10:00Z", 3),  # -> review, due in 2d
        line("variance-aaaa1111", "2026-09-25T09:00:00Z", 1),  # forgotten (a review in Review state)
        line("variance-aaaa1111", "2026-09-25T09:10:00Z", 3),
        line("bayes-cccc3333", "2026-09-29T08:00:00Z", 4),  # review, due in 8d
        line("bayes-cccc3333", "2026-09-30T08:00:00Z", 3),
        line("bayes-cccc3333", "2026-10-01T08:00:00Z", 3),
        line("gone-12345678", "2026-10-01T08:30:00Z", 3),  # no such card: not counted
    ]) + "\n")
    assert main(["reviews", "stats", *place.args("--now", NOW)]) == 0
    assert capsys.readouterr().out == (
        "Cards:      3 (2 studied, 1 new)\n"
        "Due:        1 today, 1 this week (next 7 days)\n"
        "Reviews:    7 in all, 5 in the last 7 days\n"
        "Retention:  67% of 3 reviews of cards in review, last 30 days (target 90%)\n"
        "Streak:     3 days (longest 3)\n"
    )


def test_a_cards_file_of_another_kind_or_version_is_refused(place, monkeypatch, capsys):
    (place.site / "cards.json").write_text(json.dumps({"format": "studyfolio-cards", "version": 9, "cards": []}))
    code, _, err = review(place, "", monkeypatch, capsys)
    assert code == 1
    assert err == (f"studyfolio: {place.site / 'cards.json'}: studyfolio-cards version 9 is newer than this"
                   " Studyfolio reads (1): rebuild with `make html`\n")
    (place.site / "cards.json").write_text("{")
    code, _, err = review(place, "", monkeypatch, capsys)
    assert err.startswith(f"studyfolio: {place.site / 'cards.json'} is unreadable (Expecting property name")
