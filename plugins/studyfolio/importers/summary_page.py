"""Read the plain text of a video summary page into a VideoSummary.

The page holds, in this order and with variations: a header (title, video id, duration,
level, audience, reading time); "AI Summary" with a paragraph and timestamped topic
sections; "Clickbait Check"; "Mentioned in this Video" (name and kind, line by line);
"Study Flashcards (N)"; "Best Moments"; "Full Transcript". Sections may be missing; cards
come in two layouts; times may be mm:ss or h:mm:ss. What cannot be read raises SummaryError
naming the line, so nothing half-read is ever written."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.video import parse_timestamp

TIME = r"\d{1,2}(?::\d{2}){1,2}"
TIME_LINE = re.compile(rf"^\[?(?P<at>{TIME})\]?$")
TIME_LEAD = re.compile(rf"^\[(?P<at>{TIME})\]\s*(?P<rest>.*)$")
SECTIONS = {
    "summary": re.compile(r"^ai summary$", re.I),
    "clickbait": re.compile(r"^clickbait check$", re.I),
    "mentions": re.compile(r"^mentioned in this video$", re.I),
    "cards": re.compile(r"^(?:study )?flashcards(?:\s*\((?P<count>\d+)\))?$", re.I),
    "moments": re.compile(r"^best moments$", re.I),
    "transcript": re.compile(r"^(?:full )?transcript$", re.I),
}
HEADER_KEYS = {
    "video_id": ("video id", "video", "id"),
    "duration": ("duration", "length"),
    "level": ("level", "difficulty"),
    "audience": ("audience", "target audience", "for"),
    "reading_time": ("reading time",),
}
KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(?P<value>.+)$")
VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIDEO_URL = re.compile(r"(?:[?&]v=|youtu\.be/|/embed/|/shorts/)(?P<id>[A-Za-z0-9_-]{11})")
READING = re.compile(r"^(?P<minutes>\d+)\s*min(?:ute)?s?\s+read$", re.I)
DIFFICULTY = re.compile(r"^(?P<level>easy|medium|hard)\b\s*[·•|:-]?\s*(?P<reveal>click to reveal(?: the)? answer)?$", re.I)
REVEAL = re.compile(r"^click to reveal(?: the)? answer$", re.I)
NOTHING = re.compile(r"^(?:none|nothing\b.*|no (?:resources|links|tools)\b.*)$", re.I)
KINDS = ("tool", "link", "service", "book", "course", "channel", "video", "article", "paper")
ONE_LINE_MENTION = re.compile(rf"^(?P<name>.+?)\s*\((?P<kind>{'|'.join(KINDS)})\)$", re.I)


class SummaryError(ValueError):
    """The page cannot be read; the message names the line and what was expected."""


@dataclass(frozen=True)
class Line:
    number: int
    text: str


@dataclass(frozen=True)
class Topic:
    at: int
    heading: str
    text: str


@dataclass(frozen=True)
class Card:
    question: str
    answer: str
    level: str
    at: int | None


@dataclass(frozen=True)
class Moment:
    emoji: str
    title: str
    description: str
    at: int


@dataclass(frozen=True)
class Mention:
    name: str
    kind: str


@dataclass(frozen=True)
class Said:
    at: int | None
    text: str


@dataclass
class VideoSummary:
    title: str
    video_id: str
    duration: int | None = None
    level: str = ""
    audience: str = ""
    reading_time: str = ""
    summary: str = ""
    topics: list[Topic] = field(default_factory=list)
    clickbait: str = ""
    mentions: list[Mention] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)
    moments: list[Moment] = field(default_factory=list)
    transcript: list[Said] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"https://www.youtube.com/watch?v={self.video_id}"


def seconds(text: str, line: Line) -> int:
    try:
        return parse_timestamp(text)
    except ValueError as error:
        raise SummaryError(f"line {line.number}: {error}") from None


def split_sections(lines: list[Line]) -> dict[str, list[Line]]:
    """The page cut at its section titles; 'header' is what comes before the first one."""
    found: dict[str, list[Line]] = {"header": []}
    current = "header"
    for line in lines:
        for name, pattern in SECTIONS.items():
            match = pattern.match(line.text)
            if match:
                if name in found:
                    raise SummaryError(f"line {line.number}: a second '{line.text}' section")
                current = name
                found[name] = []
                if name == "cards" and match.group("count"):
                    found["card_count"] = [Line(line.number, match.group("count"))]
                break
        else:
            found[current].append(line)
    return found


def parse_header(lines: list[Line], summary: VideoSummary) -> None:
    for line in lines:
        url = VIDEO_URL.search(line.text)
        reading = READING.match(line.text)
        pair = KEY_VALUE.match(line.text)
        key = next((k for k, names in HEADER_KEYS.items() if pair and pair.group("key").lower() in names), None)
        if key == "video_id":
            value = pair.group("value").strip()
            found = VIDEO_URL.search(value)
            summary.video_id = found.group("id") if found else value
        elif key == "duration":
            summary.duration = seconds(pair.group("value").strip(), line)
        elif key in ("level", "audience", "reading_time"):
            setattr(summary, key, pair.group("value").strip())
        elif url and not summary.video_id:
            summary.video_id = url.group("id")
        elif reading:
            summary.reading_time = line.text
        elif not summary.title:
            summary.title = line.text
    if not summary.video_id:
        raise SummaryError("no video id: expected a line 'Video ID: ...' or a YouTube link before 'AI Summary'")
    if not VIDEO_ID.match(summary.video_id):
        raise SummaryError(f"video id '{summary.video_id}' is not 11 letters, digits, '-' or '_'")
    if not summary.title:
        raise SummaryError("no title: expected the video's title on the first line")


def parse_summary_section(lines: list[Line], summary: VideoSummary) -> None:
    """The summary paragraph, then topics: a [mm:ss] line, a heading, a paragraph."""
    intro: list[str] = []
    topic: list | None = None
    for line in lines:
        alone = TIME_LINE.match(line.text)
        lead = TIME_LEAD.match(line.text)
        if alone or lead:
            if topic:
                summary.topics.append(finish_topic(topic))
            at = seconds((alone or lead).group("at"), line)
            topic = [at, line, lead.group("rest").strip() if lead and lead.group("rest") else "", []]
        elif topic is None:
            intro.append(line.text)
        elif not topic[2]:
            topic[2] = line.text
        else:
            topic[3].append(line.text)
    if topic:
        summary.topics.append(finish_topic(topic))
    summary.summary = " ".join(intro)


def finish_topic(topic: list) -> Topic:
    at, line, heading, text = topic
    if not heading:
        raise SummaryError(f"line {line.number}: the topic at {line.text} has no heading")
    return Topic(at=at, heading=heading, text=" ".join(text))


def parse_mentions(lines: list[Line], summary: VideoSummary) -> None:
    texts = [line for line in lines if not NOTHING.match(line.text)]
    index = 0
    while index < len(texts):
        line = texts[index]
        one = ONE_LINE_MENTION.match(line.text)
        if one:
            summary.mentions.append(Mention(one.group("name"), one.group("kind").lower()))
            index += 1
            continue
        if index + 1 >= len(texts):
            raise SummaryError(f"line {line.number}: '{line.text}' has no kind on the next line ({', '.join(KINDS[:4])})")
        kind = texts[index + 1]
        if kind.text.lower() not in KINDS:
            raise SummaryError(
                f"line {kind.number}: expected the kind of '{line.text}' ({', '.join(KINDS[:4])}), got '{kind.text}'"
            )
        summary.mentions.append(Mention(line.text, kind.text.lower()))
        index += 2


def parse_cards(lines: list[Line], summary: VideoSummary, announced: int | None) -> None:
    """Question, difficulty (+ 'Click to reveal answer'), maybe the question again, answer, time."""
    question: Line | None = None
    level = ""
    answer: list[Line] = []

    def finish(at: int | None) -> None:
        if not answer:
            raise SummaryError(f"line {question.number}: the card '{question.text}' has no answer")
        summary.cards.append(Card(question.text, " ".join(a.text for a in answer), level, at))

    for line in lines:
        difficulty = DIFFICULTY.match(line.text)
        if question is None:
            if difficulty:
                raise SummaryError(f"line {line.number}: difficulty '{line.text}' without a question before it")
            question = line
        elif not level:
            if not difficulty:
                raise SummaryError(
                    f"line {line.number}: expected the difficulty (easy, medium or hard) of the card "
                    f"'{question.text}', got '{line.text}'"
                )
            level = difficulty.group("level").lower()
        elif difficulty and answer:
            # The previous card had no time: its last "answer" line is this card's question.
            next_question = answer.pop()
            finish(None)
            question, level, answer = next_question, difficulty.group("level").lower(), []
        elif REVEAL.match(line.text) or (not answer and line.text == question.text):
            continue
        elif TIME_LINE.match(line.text):
            finish(seconds(TIME_LINE.match(line.text).group("at"), line))
            question, level, answer = None, "", []
        else:
            answer.append(line)
    if question is not None:
        if not level:
            raise SummaryError(f"line {question.number}: the card '{question.text}' has no difficulty")
        finish(None)
    if announced is not None and announced != len(summary.cards):
        raise SummaryError(f"the page announces {announced} flashcards but only {len(summary.cards)} could be read")


def parse_moments(lines: list[Line], summary: VideoSummary) -> None:
    """Entries of an emoji, a title, a description and a time (emoji and title may share a line)."""
    entry: list[Line] = []
    for line in lines:
        time = TIME_LINE.match(line.text)
        if not time:
            entry.append(line)
            continue
        texts = [e.text for e in entry]
        emoji = ""
        if texts and not any(c.isalnum() for c in texts[0]):
            emoji = texts.pop(0)
        elif texts and not texts[0][0].isalnum():
            emoji, _, texts[0] = texts[0].partition(" ")
        if not texts:
            raise SummaryError(f"line {line.number}: a best moment at {line.text} has no title")
        summary.moments.append(Moment(emoji, texts[0].strip(), " ".join(texts[1:]), seconds(time.group("at"), line)))
        entry = []
    if entry:
        raise SummaryError(f"line {entry[0].number}: the best moment '{entry[0].text}' has no time")


def parse_transcript(lines: list[Line], summary: VideoSummary) -> None:
    """Paragraphs starting `[mm:ss]`; a line without a time continues the paragraph before it."""
    for line in lines:
        lead = TIME_LEAD.match(line.text)
        if lead:
            summary.transcript.append(Said(seconds(lead.group("at"), line), lead.group("rest").strip()))
        elif summary.transcript:
            last = summary.transcript[-1]
            summary.transcript[-1] = Said(last.at, f"{last.text} {line.text}".strip())
        else:
            summary.transcript.append(Said(None, line.text))


def parse_summary(text: str) -> VideoSummary:
    """The VideoSummary in `text`, or SummaryError saying what could not be read."""
    if "\x00" in text:
        raise SummaryError("this is not text (it holds NUL bytes): save the page as plain text")
    lines = [Line(n, raw.strip()) for n, raw in enumerate(text.splitlines(), 1) if raw.strip()]
    if not lines:
        raise SummaryError("the file is empty")
    sections = split_sections(lines)
    if len(set(sections) - {"header", "card_count"}) == 0:
        raise SummaryError(
            "no section of a video summary page found: expected 'AI Summary', 'Study Flashcards' or 'Full Transcript'"
        )
    summary = VideoSummary(title="", video_id="")
    parse_header(sections["header"], summary)
    parse_summary_section(sections.get("summary", []), summary)
    summary.clickbait = " ".join(line.text for line in sections.get("clickbait", []))
    parse_mentions(sections.get("mentions", []), summary)
    announced = int(sections["card_count"][0].text) if "card_count" in sections else None
    parse_cards(sections.get("cards", []), summary, announced)
    parse_moments(sections.get("moments", []), summary)
    parse_transcript(sections.get("transcript", []), summary)
    return summary
