"""The vault's spaced repetition settings (data.json) and its scheduling comments."""

from __future__ import annotations

import json
from datetime import date

import pytest

from studyfolio.flashcards.srcloze import ClozeReader
from studyfolio.flashcards.srschedule import (
    SrSchedule,
    UnreadSchedule,
    parse_comment,
    without_comments,
)
from studyfolio.flashcards.srsettings import BOLD, CURLY, HIGHLIGHT, ObsidianSettings, SettingsError


def test_defaults_when_there_is_no_file(tmp_path):
    assert ObsidianSettings.load(tmp_path / "missing.json") == ObsidianSettings()
    assert ObsidianSettings.load("") == ObsidianSettings(
        "::", ":::", "?", "??", "", (HIGHLIGHT,), ("#flashcards",))


def test_separators_patterns_and_tags_come_from_data_json(tmp_path):
    path = tmp_path / "data.json"
    path.write_text(json.dumps({"singleLineCardSeparator": "=>", "multilineCardEndMarker": "+++",
                                "clozePatterns": ["{{[123::]answer[::hint]}}", ""],
                                "flashcardTags": ["#cards", "#srs"], "baseEase": 250}))
    settings = ObsidianSettings.load(path)
    assert (settings.single, settings.single_reversed, settings.end_marker) == ("=>", ":::", "+++")
    assert settings.cloze_patterns == ("{{[123::]answer[::hint]}}",)
    assert settings.flashcard_tags == ("#cards", "#srs")
    assert settings.is_flashcard_tag("#srs/deck") and not settings.is_flashcard_tag("#srsx")


def test_the_three_cloze_switches_give_patterns_when_no_list_is_saved():
    data = {"convertHighlightsToClozes": False, "convertBoldTextToClozes": True,
            "convertCurlyBracketsToClozes": True}
    assert ObsidianSettings.from_data(data).cloze_patterns == (BOLD, CURLY)


@pytest.mark.parametrize(("data", "message"), [
    ({"singleLineCardSeparator": 3}, "singleLineCardSeparator is 3, expected a string"),
    ({"flashcardTags": "#cards"}, "flashcardTags is '#cards', expected a list of tags"),
])
def test_a_wrong_value_names_the_key(data, message):
    with pytest.raises(SettingsError, match=f"^{message}$"):
        ObsidianSettings.from_data(data)


def test_a_file_that_is_not_json_is_an_error(tmp_path):
    path = tmp_path / "data.json"
    path.write_text("{not json")
    with pytest.raises(SettingsError, match="not readable as JSON"):
        ObsidianSettings.load(path)


def test_a_cloze_pattern_without_its_parts_is_an_error():
    with pytest.raises(SettingsError, match="needs answer, a \\[number\\] part and a \\[hint\\] part"):
        ClozeReader(("==answer==",))


@pytest.mark.parametrize(("comment", "expected"), [
    ("<!--SR:!2026-10-01,12,250-->", [SrSchedule(date(2026, 10, 1), 12, 250)]),
    ("<!--SR:!2026-10-01,12,250!2026-10-09,20,270-->",
     [SrSchedule(date(2026, 10, 1), 12, 250), SrSchedule(date(2026, 10, 9), 20, 270)]),
    ("<!--SR:2021-08-11,4,270-->", [SrSchedule(date(2021, 8, 11), 4, 270)]),
    ("<!--SR:!11-08-2021,4,270-->", [SrSchedule(date(2021, 8, 11), 4, 270)]),
    ("<!--SR:!2000-01-01,1,250!2026-10-01,3,230-->", [None, SrSchedule(date(2026, 10, 1), 3, 230)]),
    ("<!--SR:!not-a-date,1,250-->", [UnreadSchedule(
        "not-a-date,1,250", "expected a due date, an interval in days and an ease, e.g. 2026-10-01,12,250")]),
    ("<!--SR:!fsrs,1.2,3.4-->", [UnreadSchedule("fsrs,1.2,3.4", "the plugin's FSRS schedules are not read yet")]),
    ("no comment here", []),
])
def test_scheduling_comments_are_parsed_per_card(comment, expected):
    assert parse_comment(f"Q::A {comment}") == expected


def test_the_comment_and_the_space_before_it_are_removed():
    assert without_comments("Q::A <!--SR:!2026-10-01,12,250-->") == "Q::A"


def test_a_vault_s_own_plugin_settings_are_found_in_vault_mode(tmp_path):
    from studyfolio.flashcards.srsettings import obsidian_settings_path

    data = tmp_path / ".obsidian" / "plugins" / "obsidian-spaced-repetition" / "data.json"
    settings = {"PATH": str(tmp_path), "STUDYFOLIO_OBSIDIAN": True}
    assert obsidian_settings_path(settings) == ""  # none in the vault
    data.parent.mkdir(parents=True)
    data.write_text("{}", encoding="utf-8")
    assert obsidian_settings_path(settings) == str(data)
    assert obsidian_settings_path({**settings, "STUDYFOLIO_OBSIDIAN": False}) == ""  # not a vault
    assert obsidian_settings_path({**settings, "STUDYFOLIO_OBSIDIAN_SETTINGS": "mine.json"}) == "mine.json"
