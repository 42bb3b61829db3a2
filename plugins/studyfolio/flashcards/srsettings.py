"""The settings of Obsidian's spaced repetition plugin that decide what is a card: separators,
the multi-line end marker, cloze patterns and flashcard tags. Read from a vault's
`.obsidian/plugins/obsidian-spaced-repetition/data.json`; the plugin's defaults otherwise."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.vault import vault_folders

GROUP = re.compile(r"\[((?:\\.|[^\]\\])*)\]")  # a [bracketed] part of a cloze pattern
DIGITS = re.compile(r"\d+")

HIGHLIGHT = "==[123;;]answer[;;hint]=="
BOLD = "**[123;;]answer[;;hint]**"
CURLY = "{{[123;;]answer[;;hint]}}"
FIELDS = {  # the data.json key of each separator setting
    "single": "singleLineCardSeparator",
    "single_reversed": "singleLineReversedCardSeparator",
    "multi": "multilineCardSeparator",
    "multi_reversed": "multilineReversedCardSeparator",
    "end_marker": "multilineCardEndMarker",
}


class SettingsError(ValueError):
    """A data.json that cannot be read as the plugin's settings; says which value and why."""


@dataclass(frozen=True)
class ObsidianSettings:
    single: str = "::"
    single_reversed: str = ":::"
    multi: str = "?"
    multi_reversed: str = "??"
    end_marker: str = ""
    cloze_patterns: tuple[str, ...] = (HIGHLIGHT,)
    flashcard_tags: tuple[str, ...] = ("#flashcards",)
    ignored_tags: tuple[str, ...] = ()  # a note carrying one is not read for its tags

    @classmethod
    def from_data(cls, data: dict) -> ObsidianSettings:
        """Settings from the plugin's data.json object (its settings may sit under "settings")."""
        data = data.get("settings", data) if isinstance(data.get("settings"), dict) else data
        values: dict = {}
        for name, key in FIELDS.items():
            if key in data:
                if not isinstance(data[key], str):
                    raise SettingsError(f"{key} is {data[key]!r}, expected a string")
                values[name] = data[key]
        values["cloze_patterns"] = cloze_patterns(data)
        for pattern in values["cloze_patterns"]:
            check_pattern(pattern)
        for name, key in (("flashcard_tags", "flashcardTags"), ("ignored_tags", "flashcardTagsToIgnore")):
            if key in data:
                tags = data[key]
                if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
                    raise SettingsError(f"{key} is {tags!r}, expected a list of tags")
                values[name] = tuple(tags)
        return cls(**values)

    @classmethod
    def load(cls, path: str | Path | None) -> ObsidianSettings:
        """The settings in `path`; the defaults when no path is given or the file is absent."""
        if not path or not Path(path).is_file():
            return cls()
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise SettingsError(f"not readable as JSON: {error}") from error
        if not isinstance(data, dict):
            raise SettingsError("expected a JSON object of settings")
        return cls.from_data(data)

    @classmethod
    def read(cls, path: str | Path | None) -> tuple[ObsidianSettings, str | None]:
        """(the settings in `path`, None), or (the defaults, what is wrong with the file)."""
        try:
            return cls.load(path), None
        except SettingsError as error:
            return cls(), str(error)

    def is_flashcard_tag(self, tag: str) -> bool:
        """`tag` (with its #) is one of the flashcard tags or below one (#flashcards/deck)."""
        return within(tag, self.flashcard_tags)

    def is_ignored_tag(self, tag: str) -> bool:
        return within(tag, self.ignored_tags)


def within(tag: str, tags: tuple[str, ...]) -> bool:
    """`tag` is one of `tags` or below one of them (#a/b is below #a)."""
    return any(tag == own or tag.startswith(own + "/") for own in tags)


def check_pattern(raw: str) -> None:
    """A cloze pattern names `answer`, a bracket holding digits and one holding `hint`."""
    groups = GROUP.findall(raw)
    number = next((n for n, g in enumerate(groups) if DIGITS.search(g)), None)
    if "answer" not in raw or number is None or not any(
            "hint" in g for n, g in enumerate(groups) if n != number):
        raise SettingsError(f"cloze pattern {raw!r} needs answer, a [number] part and a [hint] part,"
                            " as in ==[123;;]answer[;;hint]==")


def cloze_patterns(data: dict) -> tuple[str, ...]:
    """The plugin's cloze patterns: the list when given, else the three switches."""
    patterns = data.get("clozePatterns")
    if patterns is not None:
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise SettingsError(f"clozePatterns is {patterns!r}, expected a list of patterns")
        return tuple(p for p in patterns if p.strip())
    switches = (("convertHighlightsToClozes", True, HIGHLIGHT),
                ("convertBoldTextToClozes", False, BOLD),
                ("convertCurlyBracketsToClozes", False, CURLY))
    return tuple(pattern for key, default, pattern in switches if data.get(key, default))


VAULT_SETTINGS = (".obsidian", "plugins", "obsidian-spaced-repetition", "data.json")


def obsidian_settings_path(settings: dict) -> str:
    """STUDYFOLIO_OBSIDIAN_SETTINGS, else in vault mode the vault's own plugin settings when the
    content folder holds them (`.obsidian/plugins/obsidian-spaced-repetition/data.json`)."""
    given = settings.get("STUDYFOLIO_OBSIDIAN_SETTINGS")
    if given:
        return str(given)
    if vault_folders(settings) is None:
        return ""
    found = os.path.join(settings["PATH"], *VAULT_SETTINGS)
    return found if os.path.isfile(found) else ""
