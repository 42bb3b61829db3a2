"""The review commands read the build's settings file: the review log is where STUDYFOLIO_REVIEWS
puts it, the cards are those of OUTPUT_PATH, and --settings, --content and --site choose others."""

from __future__ import annotations

import io
import json

import pytest
from srs_helpers import CARDS

from studyfolio.cli import main

NOW = "2026-10-01T10:00:00Z"
SEEN = '{"card": "variance-aaaa1111", "at": "2026-09-01T10:00:00Z", "rating": 4, "ms": 1000}'
EXPORT = {"format": "studyfolio-reviews", "version": 1, "reviews": [
    {"card": "bayes-cccc3333", "at": "2026-09-02T08:00:00Z", "rating": 3, "ms": 2000}]}
SETTINGS = 'PATH = "notes-here"\nOUTPUT_PATH = "built"\nSTUDYFOLIO_REVIEWS = "{log}"\n'


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A site folder whose pelicanconf.py moves the content, the build and the review log."""
    (tmp_path / "notes-here" / "logs").mkdir(parents=True)
    (tmp_path / "built").mkdir()
    cards = {"format": "studyfolio-cards", "version": 1, "cards": CARDS}
    (tmp_path / "built" / "cards.json").write_text(json.dumps(cards))
    (tmp_path / "pelicanconf.py").write_text(SETTINGS.format(log="logs/mine.jsonl"))
    (tmp_path / "notes-here" / "logs" / "mine.jsonl").write_text(SEEN + "\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def reviews_line(capsys) -> str:
    return next(line for line in capsys.readouterr().out.splitlines() if line.startswith("Reviews:"))


def test_stats_read_the_log_the_settings_name(site, capsys):
    assert main(["reviews", "stats", "--now", NOW]) == 0
    assert reviews_line(capsys).startswith("Reviews:    1 in all")


def test_import_writes_into_the_log_the_settings_name(site, capsys):
    (site / "export.json").write_text(json.dumps(EXPORT))
    assert main(["reviews", "import", "export.json"]) == 0
    assert capsys.readouterr().out == "Imported 1 new review(s) into notes-here/logs/mine.jsonl (0 already there).\n"
    assert len((site / "notes-here" / "logs" / "mine.jsonl").read_text().splitlines()) == 2
    assert not (site / "notes-here" / "reviews.jsonl").exists()


def test_review_appends_to_the_log_the_settings_name(site, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(" 3q"))
    assert main(["review", "--now", NOW]) == 0
    lines = (site / "notes-here" / "logs" / "mine.jsonl").read_text().splitlines()
    assert lines[0] == SEEN and json.loads(lines[1])["rating"] == 3


def test_another_settings_file_is_read_with_settings(site, capsys):
    (site / "other.py").write_text(SETTINGS.format(log="other.jsonl"))
    (site / "notes-here" / "other.jsonl").write_text(SEEN + "\n" + SEEN.replace("09-01", "09-02") + "\n")
    assert main(["reviews", "stats", "--settings", "other.py", "--now", NOW]) == 0
    assert reviews_line(capsys).startswith("Reviews:    2 in all")


def test_content_and_site_flags_win_over_the_settings(site, capsys):
    (site / "elsewhere").mkdir()
    (site / "elsewhere" / "logs").mkdir()
    (site / "elsewhere" / "logs" / "mine.jsonl").write_text("")
    assert main(["reviews", "stats", "--content", "elsewhere", "--now", NOW]) == 0
    assert reviews_line(capsys).startswith("Reviews:    0 in all")  # the log's name still from the settings
    assert main(["reviews", "stats", "--site", "nowhere"]) == 1
    assert capsys.readouterr().err.startswith("studyfolio: nowhere/cards.json")
