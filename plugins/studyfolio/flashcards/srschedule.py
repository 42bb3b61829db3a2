"""The scheduling comment Obsidian's spaced repetition plugin writes after a card,
`<!--SR:!2026-10-01,12,250-->`: one `!due,interval,ease` group per card of the text (both
directions of a two-way card, each cloze number), kept so a later step can seed FSRS."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

COMMENT = re.compile(r"<!--SR:(.+?)-->")
STRIP = re.compile(r"\s?<!--SR:.+-->")  # the plugin removes a comment and the space before it
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%a %b %d %Y")
NEW_CARD = date(2000, 1, 1)  # the plugin's due date for a card not reviewed yet


@dataclass(frozen=True)
class SrSchedule:
    """One card's schedule as the plugin's SM-2 variant left it (ease in per mille: 250 = 2.5)."""

    due: date
    interval: int
    ease: int


@dataclass(frozen=True)
class UnreadSchedule:
    """A group the build cannot read: the card starts as new, and the note says why."""

    group: str
    reason: str


def parse_group(group: str) -> SrSchedule | UnreadSchedule | None:
    """`2026-10-01,12,250` as a schedule; None for a new card; UnreadSchedule for a group that
    cannot be read (an FSRS group, written `fsrs,...`, is not read yet)."""
    fields = [field.strip() for field in group.split(",")]
    if fields[0] == "fsrs":
        return UnreadSchedule(group.strip(), "the plugin's FSRS schedules are not read yet")
    due = None
    for form in DATE_FORMATS:
        try:
            due = datetime.strptime(fields[0], form).date()
            break
        except ValueError:
            continue
    if due == NEW_CARD:
        return None
    if len(fields) < 3 or due is None or not (fields[1].isdigit() and fields[2].isdigit()):
        return UnreadSchedule(group.strip(), "expected a due date, an interval in days and an ease, e.g. 2026-10-01,12,250")
    return SrSchedule(due, int(fields[1]), int(fields[2]))


def parse_comment(text: str) -> list[SrSchedule | UnreadSchedule | None]:
    """The schedules in the first scheduling comment of `text`, one per `!` group, in order
    (the old form without `!` is one group); [] when there is none."""
    found = COMMENT.search(text)
    if found is None:
        return []
    groups = [group for group in found.group(1).split("!") if group.strip()]
    return [parse_group(group) for group in groups]


def without_comments(line: str) -> str:
    return STRIP.sub("", line)
