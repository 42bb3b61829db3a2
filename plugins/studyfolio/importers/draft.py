"""A VideoSummary as a draft note: metadata, the page's words quoted, room for the learner's own.

Everything taken from the page is quoted (`>`) so it reads as the page's, not the learner's;
each part is followed by an "In my own words" heading with a prompt the reader never sees."""

from __future__ import annotations

from ..core.video import format_timestamp
from .resources_file import KIND_MAP, Planned
from .summary_page import VideoSummary

LEVELS = ("Beginner", "Intermediate", "Advanced")


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def own_words(prompt: str) -> list[str]:
    return ["### In my own words", "", f"<!-- {prompt} -->", ""]


def card_block(question: str, answer: str, level: str, at: int | None) -> list[str]:
    lines = [f"/// card | {one_line(question)}", f"    level: {level}"]
    if at is not None:
        lines.append(f'    at: "{format_timestamp(at)}"')
    return [*lines, one_line(answer), "///", ""]


def metadata(summary: VideoSummary, date: str, transcript: str) -> list[str]:
    lines = [f"Title: {one_line(summary.title)}", f"Date: {date}", "Status: draft"]
    level = next((name for name in LEVELS if name.lower() == summary.level.strip().lower()), "")
    if level:
        lines.append(f"Level: {level}")
    if summary.audience:
        lines.append(f"Audience: {one_line(summary.audience)}")
    lines.append(f"Video: {summary.url}")
    if summary.duration is not None:
        lines.append(f"Duration: {format_timestamp(summary.duration)}")
    lines.append(f"Transcript: {transcript}")
    if summary.reading_time:
        lines.append(f"Reading-time: {one_line(summary.reading_time)}")
    return lines


def draft_note(summary: VideoSummary, *, date: str, transcript: str, resources: list[Planned]) -> str:
    """The Markdown text of the draft note."""
    out = [*metadata(summary, date, transcript), ""]
    out += [
        "<!-- Imported with `studyfolio import summary`. The quoted parts are the summary page's",
        "words, not yours: write each \"In my own words\" section, then delete the quotes. -->",
        "",
    ]
    if summary.level and not any(summary.level.strip().lower() == name.lower() for name in LEVELS):
        out += [f"<!-- The page gives the level as: {one_line(summary.level)} -->", ""]
    if summary.clickbait:
        out += [f"<!-- Clickbait check: {one_line(summary.clickbait)} -->", ""]
    if summary.summary:
        out += ["## What the video is about", "", f"> {one_line(summary.summary)}", ""]
        out += own_words("What is this video about, in two or three sentences of your own?")
    for topic in summary.topics:
        out += [f"## {one_line(topic.heading)}", ""]
        text = f" {one_line(topic.text)}" if topic.text else ""
        out += [f"> [{format_timestamp(topic.at)}]{text}", ""]
        out += own_words("Explain this part as if to a friend; translate any formula symbol by symbol.")
    if summary.cards:
        out += ["## Flashcards", ""]
        for card in summary.cards:
            out += card_block(card.question, card.answer, card.level, card.at)
    if summary.moments:
        out += ["## Best moments", ""]
        for moment in summary.moments:
            emoji = f"{moment.emoji} " if moment.emoji else ""
            description = f": {one_line(moment.description)}" if moment.description else ""
            out.append(f"- {emoji}**{one_line(moment.title)}** [{format_timestamp(moment.at)}]{description}")
        out.append("")
    if resources:
        out += ["## Mentioned in the video", ""]
        for item in resources:
            kind = KIND_MAP.get(item.mention.kind, item.mention.kind)
            out.append(f"- [{one_line(item.mention.name)}](res:{item.id}) ({kind})")
        out.append("")
    out += ["## In my own words", "", "<!-- What will you remember in a month? What will you try first? -->", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def transcript_text(summary: VideoSummary) -> str:
    """One paragraph a line, each starting with its [mm:ss] time."""
    lines = []
    for said in summary.transcript:
        stamp = f"[{format_timestamp(said.at)}] " if said.at is not None else ""
        lines.append(f"{stamp}{one_line(said.text)}")
    return "\n".join(lines) + "\n" if lines else ""
