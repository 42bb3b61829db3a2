"""What a video summary page holds, as read by summary_page: plain records, no parsing."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    number: int
    text: str


@dataclass(frozen=True)
class Notice:
    """A part of the page the importer could not place, or placed with a guess: said at its line."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class Topic:
    """A part of the summary: with a time and a heading (one layout) or a plain paragraph."""

    at: int | None
    heading: str
    text: str


@dataclass(frozen=True)
class Clickbait:
    score: int | None
    verdict: str
    quote: str

    def __str__(self) -> str:
        score = f"{self.score}%" if self.score is not None else ""
        head = " ".join(part for part in (score, self.verdict) if part)
        quote = f'"{self.quote}"' if self.quote else ""
        return ": ".join(part for part in (head, quote) if part)


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
    at: int | None


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
    video_id: str = ""
    title: str = ""
    duration: int | None = None
    duration_line: int = 0
    transcribed: str = ""
    level: str = ""
    audience: str = ""
    reading_time: str = ""
    summary: str = ""
    topics: list[Topic] = field(default_factory=list)
    clickbait: Clickbait | None = None
    mentions: list[Mention] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)
    moments: list[Moment] = field(default_factory=list)
    transcript: list[Said] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"https://www.youtube.com/watch?v={self.video_id}"

    def notice(self, line: int, message: str) -> None:
        self.notices.append(Notice(line, message))

    @property
    def length(self) -> int | None:
        """The video's length: the page gives whole minutes, and no time on it may lie beyond."""
        known = [t for t in (self.duration, self.latest_time()) if t is not None]
        return max(known) if known else None

    def latest_time(self) -> int | None:
        """The latest time anywhere on the page: the video is at least that long."""
        times = [t.at for t in self.topics] + [c.at for c in self.cards]
        times += [m.at for m in self.moments] + [s.at for s in self.transcript]
        known = [t for t in times if t is not None]
        return max(known) if known else None
