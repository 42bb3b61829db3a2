"""One reader per part of a video summary page: each takes the part's lines and fills a VideoSummary.

Readers never stop on an odd line: what they cannot place becomes a Notice at its line."""

from __future__ import annotations

import re

from ..core.video import parse_timestamp
from .summary_model import Card, Clickbait, Line, Mention, Moment, Notice, Said, Topic, VideoSummary

TIME = r"\d{1,2}(?::\d{2}){1,2}"
TIME_LINE = re.compile(rf"^\[?(?P<at>{TIME})\]?$")
TIME_LEAD = re.compile(rf"^\[(?P<at>{TIME})\]\s*(?P<rest>.*)$")
VIDEO_ID = r"[A-Za-z0-9_-]{11}"
VIDEO_LINE = re.compile(r"^video(?:\s+id)?\s*[:#]?\s*(?P<id>\S+)$", re.I)
VIDEO_URL = re.compile(rf"(?:[?&]v=|youtu\.be/|/embed/|/shorts/|/live/)(?P<id>{VIDEO_ID})(?![\w-])")
LENGTH_LINE = re.compile(
    r"^(?:(?P<h>\d+)\s*h\s*)?(?P<m>\d{1,2})\s*m(?:in)?(?:\s*(?P<s>\d{1,2})\s*s)?\s+video\b"
    r"(?:.*?\btranscribed\s+(?P<date>[A-Za-z]+\.? \d{1,2}, \d{4}))?",
    re.I,
)
LEVEL_LINE = re.compile(
    r"^(?P<level>beginner|intermediate|advanced|expert|all levels)?\s*"
    r"(?:(?P<reading>\d+\s*min(?:ute)?s?\s+read))?\s*(?:for\s*:\s*(?P<audience>.+))?$",
    re.I,
)
KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(?P<value>.+)$")
HEADER_KEYS = {
    "title": ("title",),
    "duration": ("duration", "length"),
    "level": ("level", "difficulty"),
    "audience": ("audience", "target audience", "for"),
    "reading_time": ("reading time",),
}
DIFFICULTY = re.compile(
    r"^(?P<level>easy|medium|hard)\b\s*[·•|:-]?\s*(?P<reveal>(?:click|tap) to reveal(?: the)? answer)?$", re.I
)
REVEAL = re.compile(r"^(?:click|tap) to reveal(?: the)? answer$", re.I)
CLICKBAIT = re.compile(r"^(?P<score>\d{1,3})\s*%\s*(?P<verdict>[^\"“”]*?)\s*(?P<quote>[\"“].*)?$")
UI_LABEL = re.compile(r"^(?:download(?: \.?txt| transcript)?|copy(?: transcript)?|show (?:more|less))$", re.I)
NOTHING = re.compile(r"^(?:none|nothing\b.*|no (?:resources|links|tools)\b.*)$", re.I)
# The page's kinds, and the registry kind each becomes ("link" on such pages is a channel or site).
KINDS = {
    "tool": "tool", "link": "channel", "service": "service", "book": "book", "course": "course",
    "channel": "channel", "video": "video", "article": "article", "paper": "paper",
    "website": "service", "site": "service", "platform": "service", "app": "tool",
    "library": "tool", "software": "tool", "framework": "tool", "package": "tool",
    "podcast": "channel", "playlist": "video", "series": "video", "ebook": "book",
    "textbook": "book", "blog": "article", "post": "article", "newsletter": "article",
}
KIND_WORD = re.compile(r"^[a-z][a-z -]{1,19}$")
ONE_LINE_MENTION = re.compile(r"^(?P<name>.+?)\s*\((?P<kind>[a-z][a-z -]{1,19})\)$")


def time_of(text: str, line: Line, summary: VideoSummary) -> int | None:
    try:
        return parse_timestamp(text)
    except ValueError as error:
        summary.notice(line.number, f"{error}; kept without a time")
        return None


def parse_header(lines: list[Line], summary: VideoSummary) -> None:
    """The video id, length, transcription date, level, reading time and audience."""
    for line in lines:
        video = VIDEO_LINE.match(line.text)
        url = VIDEO_URL.search(line.text)
        length = LENGTH_LINE.match(line.text)
        level = LEVEL_LINE.match(line.text)
        pair = KEY_VALUE.match(line.text)
        key = next((k for k, names in HEADER_KEYS.items() if pair and pair.group("key").lower() in names), None)
        if video and not summary.video_id:
            found = VIDEO_URL.search(video.group("id"))
            summary.video_id = found.group("id") if found else video.group("id")
            if not re.fullmatch(VIDEO_ID, summary.video_id):
                summary.notice(line.number, f"'{summary.video_id}' is not a video id (11 letters, digits, '-' or '_')")
                summary.video_id = ""
        elif url and not summary.video_id:
            summary.video_id = url.group("id")
        elif length:
            hours, minutes, secs = (int(length.group(g) or 0) for g in ("h", "m", "s"))
            summary.duration = hours * 3600 + minutes * 60 + secs
            summary.duration_line = line.number
            summary.transcribed = length.group("date") or ""
        elif key == "duration":
            summary.duration = time_of(pair.group("value").strip(), line, summary)
            summary.duration_line = line.number
        elif key:
            setattr(summary, key, pair.group("value").strip())
        elif level and any(level.groupdict().values()):
            summary.level = level.group("level") or summary.level
            summary.reading_time = level.group("reading") or summary.reading_time
            summary.audience = (level.group("audience") or summary.audience).strip()
        else:
            summary.notice(line.number, f"'{line.text}' left out (not part of the summary)")


def parse_summary_section(lines: list[Line], summary: VideoSummary, title: Line) -> None:
    """The summary paragraph, then topics: `[mm:ss]`, a heading, paragraphs; or plain paragraphs."""
    if not lines:
        summary.notice(title.number, f"'{title.text}' is empty")
        return
    summary.summary = lines[0].text
    timed: list | None = None  # [at, heading, paragraphs] of the topic being read

    def close() -> None:
        if timed is not None:
            summary.topics.append(Topic(timed[0], timed[1], "\n\n".join(timed[2])))

    for line in lines[1:]:
        alone, lead = TIME_LINE.match(line.text), TIME_LEAD.match(line.text)
        if alone or lead:
            close()
            at = time_of((alone or lead).group("at"), line, summary)
            timed = [at, lead.group("rest").strip() if lead else "", []]
        elif timed is None:
            summary.topics.append(Topic(None, "", line.text))
        elif not timed[1]:
            timed[1] = line.text
        else:
            timed[2].append(line.text)
    close()


def parse_clickbait(lines: list[Line], summary: VideoSummary, title: Line) -> None:
    """`95% Legit` and a quoted sentence, on one line or two."""
    text = " ".join(line.text for line in lines).strip()
    if not text:
        summary.notice(title.number, f"'{title.text}' is empty")
        return
    found = CLICKBAIT.match(text)
    if found:
        quote = (found.group("quote") or "").strip().strip("\"“”").strip()
        summary.clickbait = Clickbait(int(found.group("score")), found.group("verdict").strip(), quote)
    else:
        summary.clickbait = Clickbait(None, "", text.strip("\"“”"))


def parse_mentions(lines: list[Line], summary: VideoSummary, title: Line) -> None:
    """Pairs of lines: a name, then its kind (tool, link, service, book, ...)."""
    texts = [line for line in lines if not NOTHING.match(line.text)]
    if not texts:
        summary.notice(title.number, f"'{title.text}' is empty")
    index = 0
    while index < len(texts):
        line = texts[index]
        one = ONE_LINE_MENTION.match(line.text)
        kind = texts[index + 1] if index + 1 < len(texts) else None
        if one:
            add_mention(summary, line, one.group("name"), one.group("kind"))
            index += 1
        elif kind is not None and KIND_WORD.match(kind.text):
            add_mention(summary, kind, line.text, kind.text)
            index += 2
        else:
            summary.notice(line.number, f"'{line.text}' has no kind on the next line; imported as a tool")
            summary.mentions.append(Mention(line.text, "tool"))
            index += 1


def add_mention(summary: VideoSummary, line: Line, name: str, kind: str) -> None:
    if kind not in KINDS:
        summary.notice(line.number, f"kind '{kind}' of '{name}' is not one the registry knows; imported as a tool")
    summary.mentions.append(Mention(name, KINDS.get(kind, "tool")))


def same_text(one: str, other: str) -> bool:
    return " ".join(one.split()).casefold() == " ".join(other.split()).casefold()


def parse_cards(lines: list[Line], summary: VideoSummary, announced: int | None, title: Line) -> None:
    """Per card: the question, its difficulty (with 'Click to reveal answer' on the same line or
    the next), maybe the question again, the answer (one or more lines), its time."""
    question: Line | None = None
    level = ""
    answer: list[Line] = []

    def finish(at: int | None) -> None:
        if not answer:
            summary.notice(question.number, f"the card '{question.text}' has no answer on the page; write one")
        summary.cards.append(Card(question.text, "\n".join(a.text for a in answer), level, at))

    for line in lines:
        difficulty = DIFFICULTY.match(line.text)
        if question is None:
            if difficulty or REVEAL.match(line.text):
                summary.notice(line.number, f"'{line.text}' comes before any card's question; left out")
                continue
            question = line
        elif not level:
            if difficulty:
                level = difficulty.group("level").lower()
            else:
                summary.notice(line.number, f"the card '{question.text}' gives no difficulty; imported as medium")
                level = "medium"
                answer.append(line)
        elif difficulty and answer:
            # The card before had no time: its last "answer" line is this card's question.
            following = answer.pop()
            finish(None)
            question, level, answer = following, difficulty.group("level").lower(), []
        elif REVEAL.match(line.text) or (not answer and same_text(line.text, question.text)):
            continue
        elif TIME_LINE.match(line.text):
            finish(time_of(TIME_LINE.match(line.text).group("at"), line, summary))
            question, level, answer = None, "", []
        else:
            answer.append(line)
    if question is not None:
        if not level:
            summary.notice(question.number, f"the card '{question.text}' gives no difficulty; imported as medium")
            level = "medium"
        finish(None)
    if announced is not None and announced != len(summary.cards):
        summary.notice(title.number, f"the page announces {announced} flashcards; {len(summary.cards)} were read")
    if not lines:
        summary.notice(title.number, f"'{title.text}' is empty")


def is_pictograph(char: str) -> bool:
    """An emoji or symbol of the kind pages put before a moment's title (never ASCII markup)."""
    return not char.isascii() and not char.isalnum()


def parse_moments(lines: list[Line], summary: VideoSummary, title: Line) -> None:
    """Per moment: an emoji (own line, before the title, or none), a title, a description, a time."""
    entry: list[Line] = []

    def finish(at: int | None, where: Line) -> None:
        texts = [e.text for e in entry]
        emoji = ""
        if texts and all(is_pictograph(c) for c in texts[0].replace(" ", "")):
            emoji = texts.pop(0)
        elif texts and is_pictograph(texts[0][0]) and " " in texts[0]:
            emoji, _, rest = texts[0].partition(" ")
            texts[0] = rest.strip()
        if not texts:
            summary.notice(where.number, f"a best moment at {where.text} has no title; left out")
            return
        summary.moments.append(Moment(emoji, texts[0], " ".join(texts[1:]), at))

    for line in lines:
        time = TIME_LINE.match(line.text)
        if not time:
            entry.append(line)
            continue
        finish(time_of(time.group("at"), line, summary), line)
        entry = []
    if entry:
        summary.notice(entry[0].number, f"the best moment '{entry[-1].text}' has no time; kept without one")
        finish(None, entry[0])
    if not lines:
        summary.notice(title.number, f"'{title.text}' is empty")


def parse_transcript(lines: list[Line], summary: VideoSummary, title: Line) -> None:
    """Paragraphs starting `[mm:ss]`; a line without a time continues the paragraph before it.
    A button's label glued before the first time (`Download .txt[00:00] ...`) is left out."""
    for index, line in enumerate(lines):
        text = line.text
        if index == 0 and not TIME_LEAD.match(text):
            label, bracket, rest = text.partition("[")
            if bracket and UI_LABEL.match(label.strip()) and TIME_LEAD.match(bracket + rest):
                text = bracket + rest
            elif UI_LABEL.match(text):
                continue
        lead = TIME_LEAD.match(text)
        if lead:
            summary.transcript.append(Said(time_of(lead.group("at"), line, summary), lead.group("rest").strip()))
        elif summary.transcript:
            last = summary.transcript[-1]
            summary.transcript[-1] = Said(last.at, f"{last.text} {text}".strip())
        else:
            summary.transcript.append(Said(None, text))
    if not summary.transcript:
        summary.notice(title.number, f"'{title.text}' is empty")


__all__ = ["TIME", "Line", "Notice", "parse_cards", "parse_clickbait", "parse_header", "parse_mentions",
           "parse_moments", "parse_summary_section", "parse_transcript"]
