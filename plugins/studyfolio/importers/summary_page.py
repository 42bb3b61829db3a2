"""Read the plain text of a video summary page (as a browser saves it) into a VideoSummary.

A page holds, in this order, each part possibly missing: a header (a navigation line, `Video
<id>`, a line of duration and transcription date, a line of level, reading time and
audience); "AI Summary" (a paragraph, then topics: `[mm:ss]`, a heading and a paragraph, or
plain paragraphs); "Clickbait Check"; "Mentioned in this Video"; "Study Flashcards (N)";
"Best Moments"; "Full Transcript". Saved text glues some lines together (`01:45Next title`,
`95% Legit"quote"`, `Download .txt[00:00] ...`); they are cut apart first.

What stops the import (not a summary page, no video id) raises SummaryError; what can be read
is read, and every line that cannot be placed becomes a Notice the importer prints."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.video import format_timestamp
from .page_parts import (
    TIME,
    Line,
    Notice,
    parse_cards,
    parse_clickbait,
    parse_header,
    parse_mentions,
    parse_moments,
    parse_summary_section,
    parse_transcript,
)
from .summary_model import VideoSummary

SECTIONS = {
    "summary": re.compile(r"^(?:ai |video )?summary$"),
    "clickbait": re.compile(r"^clickbait(?: check)?$"),
    "mentions": re.compile(r"^mentioned in (?:this|the) video$|^mentions$"),
    "cards": re.compile(r"^(?:study )?flashcards(?:\s*\((?P<count>\d+)\))?$"),
    "moments": re.compile(r"^(?:best|key) moments$"),
    "transcript": re.compile(r"^(?:full )?transcript$"),
}
TITLES = {
    "summary": "AI Summary", "clickbait": "Clickbait Check", "mentions": "Mentioned in this Video",
    "cards": "Study Flashcards", "moments": "Best Moments", "transcript": "Full Transcript",
}
GLUED_TIME = re.compile(rf"^(?P<at>{TIME})(?P<rest>[^\s\d:\]a-z].*)$")


class SummaryError(ValueError):
    """The page cannot be imported; the message says what is missing."""


@dataclass
class Section:
    name: str
    title: Line
    lines: list[Line] = field(default_factory=list)


def section_of(text: str) -> tuple[str, re.Match] | None:
    """The section a title line opens (emoji and symbols before it ignored), or None."""
    words = re.sub(r"^[^\w(]+", "", text).strip().casefold()
    for name, pattern in SECTIONS.items():
        match = pattern.match(words)
        if match:
            return name, match
    return None


def page_lines(text: str) -> list[Line]:
    """The page's non-blank lines, stripped; a time glued to the next line's text is cut off.

    Only before the transcript: there a line may well begin with a time of day."""
    lines: list[Line] = []
    in_transcript = False
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not stripped:
            continue
        glued = None if in_transcript else GLUED_TIME.match(stripped)
        if glued:
            lines += [Line(number, glued.group("at")), Line(number, glued.group("rest").strip())]
        else:
            lines.append(Line(number, stripped))
        found = section_of(lines[-1].text)
        in_transcript = in_transcript or bool(found and found[0] == "transcript")
    return lines


def split_sections(lines: list[Line]) -> tuple[list[Line], dict[str, Section]]:
    """The header (lines before the first section) and each section by name."""
    header: list[Line] = []
    sections: dict[str, Section] = {}
    current: list[Line] = header
    for line in lines:
        found = section_of(line.text)
        if found and found[0] not in sections:
            name, match = found
            sections[name] = Section(name, line)
            current = sections[name].lines
            continue
        current.append(line)
    return header, sections


def announced_cards(sections: dict[str, Section]) -> int | None:
    if "cards" not in sections:
        return None
    match = section_of(sections["cards"].title.text)[1]
    return int(match.group("count")) if match.group("count") else None


def check_length(summary: VideoSummary) -> None:
    """A length in whole minutes covers up to 59 s more; a time beyond that is worth a word."""
    latest = summary.latest_time()
    if summary.duration is not None and latest is not None and latest > summary.duration + 59:
        summary.notice(
            summary.duration_line,
            f"the page gives the video's length as {format_timestamp(summary.duration)} but has times up to "
            f"{format_timestamp(latest)}; Duration: {format_timestamp(latest)} is written",
        )


def parse_summary(text: str) -> VideoSummary:
    """The VideoSummary in `text`, or SummaryError saying what is missing."""
    if "\x00" in text:
        raise SummaryError("this is not text (it holds NUL bytes): save the page as plain text")
    lines = page_lines(text.lstrip("\ufeff"))
    if not lines:
        raise SummaryError("the file is empty: save the summary page as text into it")
    header, sections = split_sections(lines)
    summary = VideoSummary()
    parse_header(header, summary)
    if not summary.video_id and not sections:
        raise SummaryError(
            "not a video summary page: no line 'Video <id>', no YouTube link, and none of its "
            "sections ('AI Summary', 'Study Flashcards', 'Full Transcript')"
        )
    if not summary.video_id:
        raise SummaryError(
            "no video id: expected a line 'Video <id>' (11 letters, digits, '-' or '_') "
            "or a YouTube link before 'AI Summary'"
        )
    if not sections:
        raise SummaryError(
            "none of a summary page's sections found ('AI Summary', 'Study Flashcards', "
            "'Full Transcript'): save the whole page as text"
        )
    readers = {
        "summary": parse_summary_section,
        "clickbait": parse_clickbait,
        "mentions": parse_mentions,
        "moments": parse_moments,
        "transcript": parse_transcript,
    }
    for name, section in sections.items():
        if name == "cards":
            parse_cards(section.lines, summary, announced_cards(sections), section.title)
        else:
            readers[name](section.lines, summary, section.title)
    check_length(summary)
    summary.missing = [TITLES[name] for name in TITLES if name not in sections]
    summary.notices.sort(key=lambda notice: notice.line)
    return summary


__all__ = ["Line", "Notice", "SummaryError", "VideoSummary", "parse_summary"]
