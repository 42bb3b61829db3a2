"""Add the resources a video mentions to content/resources.yml: new entries only, appended.

Existing entries are never rewritten (the new text is the old text plus new entries, checked
by reading it back); an entry whose id or title is already there is left alone."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .summary_model import Mention, VideoSummary

HEADER = (
    "# The resources I learn from. Notes link to them with [text](res:id); the site lists them at /resources/.\n"
    "# Keys: id, title, kind (book, course, video, channel, article, tool, service, paper), url, authors, free, tags, notes.\n"
)


class ResourcesFileError(ValueError):
    """resources.yml cannot be extended safely; nothing was written."""


@dataclass(frozen=True)
class Planned:
    mention: Mention
    id: str
    new: bool
    line: int = 0


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def folded(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", str(text).casefold())


def existing_entries(text: str, display: str) -> list:
    try:
        data = yaml.safe_load(text) if text.strip() else []
    except yaml.YAMLError as error:
        raise ResourcesFileError(f"{display} is not valid YAML ({error.__class__.__name__}); fix it first") from None
    data = [] if data is None else data
    if not isinstance(data, list):
        raise ResourcesFileError(f"{display} must be a list of resources ('- id: ...'); fix it first")
    return data


def plan(summary: VideoSummary, entries: list) -> list[Planned]:
    """Each mention with the id it gets: an existing entry's (same id or title) or a new one."""
    by_id = {str(e.get("id")): e for e in entries if isinstance(e, dict)}
    by_title = {folded(e.get("title", "")): str(e.get("id")) for e in entries if isinstance(e, dict)}
    planned: list[Planned] = []
    taken: set[str] = set()
    for mention in summary.mentions:
        rid = slug(mention.name) or "resource"
        known = by_title.get(folded(mention.name)) or (rid if rid in by_id else None)
        if known:
            planned.append(Planned(mention, known, new=False))
        elif rid in taken:
            planned.append(Planned(mention, rid, new=False))
        else:
            taken.add(rid)
            planned.append(Planned(mention, rid, new=True))
    return planned


def entry_text(item: Planned, summary: VideoSummary) -> str:
    entry = {
        "id": item.id,
        "title": item.mention.name,
        "kind": item.mention.kind,
        "tags": ["from-video"],
        "notes": f"Mentioned in the video {summary.url}",
    }
    return yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, default_flow_style=None, width=10**6)


def extended(text: str, planned: list[Planned], summary: VideoSummary, display: str) -> tuple[str, list[Planned]]:
    """The new file text and the planned items with the line of each new entry."""
    entries = existing_entries(text, display)
    new_text = text if text.strip() else HEADER
    placed = []
    for item in planned:
        if not item.new:
            placed.append(item)
            continue
        new_text = new_text.rstrip("\n") + "\n\n"
        line = new_text.count("\n") + 1
        new_text += entry_text(item, summary)
        placed.append(Planned(item.mention, item.id, True, line))
    added = [yaml.safe_load(entry_text(i, summary))[0] for i in planned if i.new]
    if existing_entries(new_text, display) != entries + added:
        raise ResourcesFileError(f"{display} could not be extended without changing its entries; nothing written")
    return new_text, placed
