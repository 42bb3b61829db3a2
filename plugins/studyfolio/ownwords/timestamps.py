"""`[mm:ss]` and `[h:mm:ss]` in a note with `Video:` become links into the video at that second.

A timestamp past the optional `Duration:` is an error; code spans and blocks stay code (the
backtick pattern runs first). `[04:14](url)` is an ordinary link and `\\[04:14]` stays text."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..core.video import format_timestamp, is_web_address, parse_timestamp, video_link
from .state import state_of

TIMESTAMP = r"(?<![\\!\]])\[(?P<at>\d{1,2}(?::\d{1,2}){1,2})\](?![(\[:])"


def meta_value(md, key: str) -> str:
    values = getattr(md, "Meta", {}).get(key) or []
    return " ".join(values).strip() if isinstance(values, list) else str(values).strip()


def iso_duration(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"


class VideoMeta(Treeprocessor):
    """Before inline patterns run: read `Video:` and check `Duration:` once per note."""

    def run(self, root) -> None:
        state = state_of(self.md)
        video = meta_value(self.md, "video")
        state.video = video if is_web_address(video) else ""  # the metadata check reports it
        state.duration = None
        text = meta_value(self.md, "duration")
        if not text:
            return
        try:
            state.duration = parse_timestamp(text)
        except ValueError as error:
            note = state.note
            note.error(note.line_of("Duration:"), f"Duration: {error}",
                       "give the video's length as mm:ss or h:mm:ss, e.g. Duration: 18:42")


class TimestampLink(InlineProcessor):
    """`[04:14]` as a link to the note's video at 254 seconds."""

    def handleMatch(self, m, data):
        state = state_of(self.md)
        if not getattr(state, "video", ""):
            return None, None, None
        note = state.note
        written = m.group(0)
        line = note.line_of(written, state.timestamp_line)
        state.timestamp_line = line
        try:
            seconds = parse_timestamp(m.group("at"))
        except ValueError as error:
            note.error(line, f"{error}", "write a timestamp as [mm:ss] or [h:mm:ss], e.g. [04:14]")
            return self.problem(written, str(error)), m.start(0), m.end(0)
        limit = getattr(state, "duration", None)
        if limit is not None and seconds > limit:
            message = f"timestamp {written} is past the end of the video ({format_timestamp(limit)})"
            note.error(line, message, "check the time, or the note's Duration:")
            return self.problem(written, message), m.start(0), m.end(0)
        link = etree.Element("a", {
            "class": "timestamp",
            "href": video_link(state.video, seconds),
            "data-at": str(seconds),
            "title": f"Watch from {format_timestamp(seconds)}",
        })
        etree.SubElement(link, "time", {"datetime": iso_duration(seconds)}).text = format_timestamp(seconds)
        return link, m.start(0), m.end(0)

    @staticmethod
    def problem(written: str, reason: str):
        element = etree.Element("span", {"class": "timestamp-error", "title": reason})
        element.text = AtomicString(written)
        return element
