"""Series: notes that form a learning journey in parts, with previous/next and an index page.

A note joins with `Series: <name>` and may give its place with `Series-Part: <n>`; parts are
ordered by that number, then by date."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from pelican.utils import slugify

from ..core.diagnostics import Diagnostic
from ..core.source import site_relative

DEFAULTS = {
    "SERIES_URL": "series/{slug}/",
    "SERIES_SAVE_AS": "series/{slug}/index.html",
    "SERIES_INDEX_URL": "series/",
    "SERIES_INDEX_SAVE_AS": "series/index.html",
}


def setting(settings: dict, name: str) -> str:
    return settings.get(name, DEFAULTS[name])


@dataclass
class Series:
    name: str
    slug: str
    url: str
    save_as: str
    notes: list = field(default_factory=list)

    @property
    def reading_time(self) -> int:
        return sum(getattr(note, "reading_time", 0) or 0 for note in self.notes)


@dataclass(frozen=True)
class SeriesPlace:
    """Where one note sits in its series; `part` counts from 1."""

    series: Series
    part: int
    previous: object | None
    next: object | None


def metadata_line(source_path: str, key: str) -> int:
    """The line of `Key:` in a note's header, for messages about metadata (1 if not found)."""
    with open(source_path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.lower().startswith(key.lower() + ":"):
                return number
            if not line.strip():
                break
    return 1


def part_number(value: str) -> int | None:
    text = str(value).strip()
    return int(text) if text.isdigit() and int(text) > 0 else None


class SeriesBuilder:
    """Groups published notes into series and reports what cannot be placed."""

    def __init__(self, settings: dict):
        self.settings = settings
        self.problems: list[tuple[object, Diagnostic]] = []  # (the note, its problem)

    def problem(self, note, key: str, message: str, hint: str) -> None:
        path = site_relative(note.source_path, self.settings["PATH"])
        line = metadata_line(note.source_path, key)
        self.problems.append((note, Diagnostic(path, line, message, hint)))

    def build(self, notes: list) -> list[Series]:
        by_slug: dict[str, Series] = {}
        parts: dict[int, float] = {}
        for note in notes:
            name = str(note.metadata.get("series", "")).strip()
            raw_part = note.metadata.get("series-part")
            if raw_part is not None and not name:
                self.problem(note, "Series-Part", "Series-Part without Series",
                             "name the series too: Series: <name>")
            if not name:
                continue
            part = math.inf
            if raw_part is not None:
                number = part_number(raw_part)
                if number is None:
                    self.problem(note, "Series-Part",
                                 f"Series-Part must be a whole number from 1, got '{raw_part}'",
                                 "e.g. Series-Part: 2")
                else:
                    part = number
            parts[id(note)] = part
            slug = slugify(name, regex_subs=self.settings.get("SLUG_REGEX_SUBSTITUTIONS", []))
            series = by_slug.get(slug)
            if series is None:
                series = by_slug[slug] = Series(
                    name, slug,
                    setting(self.settings, "SERIES_URL").format(slug=slug),
                    setting(self.settings, "SERIES_SAVE_AS").format(slug=slug),
                )
            elif series.name != name:
                first = site_relative(series.notes[0].source_path, self.settings["PATH"])
                self.problem(note, "Series", f"series '{name}' is spelled '{series.name}' in {first}",
                             "spell a series the same way in every note")
            series.notes.append(note)
        for series in by_slug.values():
            series.notes.sort(key=lambda n: (parts[id(n)], n.date, n.slug))
            self.check_parts(series, parts)
        return sorted(by_slug.values(), key=lambda s: (s.name.casefold(), s.slug))

    def check_parts(self, series: Series, parts: dict[int, float]) -> None:
        holders: dict[float, object] = {}
        for note in series.notes:
            part = parts[id(note)]
            if part is math.inf:
                continue
            if part in holders:
                other = site_relative(holders[part].source_path, self.settings["PATH"])
                self.problem(note, "Series-Part",
                             f"part {part} of series '{series.name}' is also {other}",
                             "give each part its own number")
            holders.setdefault(part, note)


def place_notes(all_series: list[Series]) -> None:
    """Set `note.series_place` on every note of a series (the `series` attribute stays its name)."""
    for series in all_series:
        notes = series.notes
        for index, note in enumerate(notes):
            note.series_place = SeriesPlace(
                series=series,
                part=index + 1,
                previous=notes[index - 1] if index > 0 else None,
                next=notes[index + 1] if index + 1 < len(notes) else None,
            )
