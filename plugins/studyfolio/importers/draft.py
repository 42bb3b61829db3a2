"""A VideoSummary as a draft note: metadata, the page's words quoted, room for the learner's own.

Everything taken from the page is quoted (`>`) so it reads as the page's, not the learner's,
and escaped (importers/escape.py) so it shows as text, never as markup; each part is followed
by an "In my own words" heading with a prompt the reader never sees."""

from __future__ import annotations

import html
import re

from ..core.video import format_timestamp
from .escape import comment_text, markdown_text, one_line
from .resources_file import Planned
from .summary_model import Topic, VideoSummary

LEVELS = ("Beginner", "Intermediate", "Advanced")
SENTENCE_END = re.compile(r"(?<=[.!?])\s")
# A paragraph's first sentence names its section if it is this short, else is cut to CUT.
HEADING_LONGEST, HEADING_CUT = 72, 60


def own_words(prompt: str) -> list[str]:
    return ["### In my own words", "", f"<!-- {prompt} -->", ""]


def quoted(paragraphs: str, lead: str = "") -> list[str]:
    """The page's paragraphs as one quote, `lead` (ours, not escaped) before the first."""
    out: list[str] = []
    for index, paragraph in enumerate(paragraphs.split("\n\n") if paragraphs else [""]):
        text = " ".join(part for part in ((lead if index == 0 else ""), markdown_text(paragraph)) if part)
        out += [">", f"> {text}"] if out else [f"> {text}"]
    return [*out, ""]


def heading_of(topic: Topic) -> str:
    """The topic's heading, or (a layout without headings) its first sentence, shortened."""
    if topic.heading:
        return topic.heading
    sentence = SENTENCE_END.split(one_line(topic.text), maxsplit=1)[0].rstrip(".!?")
    if len(sentence) <= HEADING_LONGEST:
        return sentence
    return sentence[:HEADING_CUT].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def card_block(question: str, answer: str, level: str, at: int | None) -> list[str]:
    lines = [f"/// card | {markdown_text(question)}", f"    level: {level}"]
    if at is not None:
        lines.append(f'    at: "{format_timestamp(at)}"')
    body = [markdown_text(line) for line in answer.split("\n") if line.strip()]
    if not body:
        body = ["<!-- The page gives no answer: write yours here. -->"]
    return [*lines, "\n\n".join(body), "///", ""]


def metadata(summary: VideoSummary, title: str, date: str, transcript: str) -> list[str]:
    lines = [f"Title: {one_line(title)}", f"Date: {date}", "Status: draft"]
    level = next((name for name in LEVELS if name.lower() == summary.level.strip().lower()), "")
    if level:
        lines.append(f"Level: {level}")
    if summary.audience:
        lines.append(f"Audience: {html.escape(one_line(summary.audience), quote=False)}")
    lines.append(f"Video: {summary.url}")
    if summary.length is not None:
        lines.append(f"Duration: {format_timestamp(summary.length)}")
    if transcript:
        lines.append(f"Transcript: {transcript}")
    return lines


def about_the_page(summary: VideoSummary) -> list[str]:
    """The page's facts that are not the note's: one comment each, for the learner."""
    facts = []
    if summary.transcribed:
        facts.append(f"The summary page was transcribed {summary.transcribed}.")
    if summary.reading_time:
        facts.append(f"The page gives its reading time as {summary.reading_time}.")
    if summary.level and not any(summary.level.strip().lower() == name.lower() for name in LEVELS):
        facts.append(f"The page gives the level as: {summary.level}")
    if summary.clickbait:
        facts.append(f"Clickbait check: {summary.clickbait}")
    return [line for fact in facts for line in (f"<!-- {comment_text(fact)} -->", "")]


def draft_note(summary: VideoSummary, *, title: str, date: str, transcript: str, resources: list[Planned]) -> str:
    """The Markdown text of the draft note."""
    out = [*metadata(summary, title, date, transcript), ""]
    out += [
        "<!-- Imported with `studyfolio import summary`. The quoted parts are the summary page's",
        "words, not yours: write each \"In my own words\" section, then delete the quotes. -->",
        "",
        *about_the_page(summary),
    ]
    if summary.summary:
        out += ["## What the video is about", "", *quoted(summary.summary)]
        out += own_words("What is this video about, in two or three sentences of your own?")
    for topic in summary.topics:
        out += [f"## {markdown_text(heading_of(topic))}", ""]
        out += quoted(topic.text, f"[{format_timestamp(topic.at)}]" if topic.at is not None else "")
        out += own_words("Explain this part as if to a friend; translate any formula symbol by symbol.")
    if summary.cards:
        out += ["## Flashcards", ""]
        for card in summary.cards:
            out += card_block(card.question, card.answer, card.level, card.at)
    if summary.moments:
        out += ["## Best moments", ""]
        for moment in summary.moments:
            emoji = f"{markdown_text(moment.emoji)} " if moment.emoji else ""
            at = f"[{format_timestamp(moment.at)}] " if moment.at is not None else ""
            description = f": {markdown_text(moment.description)}" if moment.description else ""
            out.append(f"- {emoji}{at}**{markdown_text(moment.title)}**{description}")
        out.append("")
    if resources:
        out += ["## Mentioned in the video", ""]
        for item in resources:
            out.append(f"- [{markdown_text(item.mention.name)}](res:{item.id}) ({item.mention.kind})")
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
