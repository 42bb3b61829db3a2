"""What the source scanner learns about each card before Markdown parses it, kept per document."""

from __future__ import annotations

from dataclasses import dataclass, field

from .srsettings import ObsidianSettings

TOKEN_PREFIX = "studyfolio-card-"


@dataclass
class CardSpec:
    """One card as written: its line, question and answer source, and its checked options.

    `question_lines` is the question's Markdown (several lines for multi-line inline cards);
    `body` the answer's Markdown, filled in when the card's end is found."""

    index: int
    line: int
    question_lines: list[str]
    options: dict = field(default_factory=dict)
    two_way: bool = False
    body: str = ""
    body_start: int = 0
    option_lines: dict = field(default_factory=dict)  # option name -> its line
    origin: str = "block"  # or "inline": the syntax the learner used, for hints
    decks: tuple[str, ...] = ()  # inline cards: the plugin's decks (flashcard tags, no #)
    sr_schedule: list = field(default_factory=list)  # inline cards: SrSchedule or None per card

    @property
    def question(self) -> str:
        return "\n".join(self.question_lines).strip()

    @property
    def question_markdown(self) -> str:
        """The question for the summary: the learner's line breaks kept as <br>."""
        return "  \n".join(line.strip() for line in self.question_lines if line.strip())

    @property
    def token(self) -> str:
        return f"{TOKEN_PREFIX}{self.index}"


@dataclass
class CardState:
    """Per-document state shared by the scanner, the card block and the finalizer; reset()."""

    inline_default: bool = False
    obsidian: ObsidianSettings = field(default_factory=ObsidianSettings)  # what inline cards are
    specs: list[CardSpec] = field(default_factory=list)
    cloze_marked: bool = False  # a cloze form was seen: the finalizer looks for loose ones
    stray_lines: list[int] = field(default_factory=list)  # cards in a list or quote: not read
    claimed_strays: set[int] = field(default_factory=set)  # ...of which the card block reported

    def add(self, line: int, question_lines: list[str], **kwargs) -> CardSpec:
        spec = CardSpec(index=len(self.specs), line=line, question_lines=question_lines, **kwargs)
        self.specs.append(spec)
        return spec

    def lookup(self, token: str | None) -> CardSpec | None:
        if not token or not token.startswith(TOKEN_PREFIX):
            return None
        index = token[len(TOKEN_PREFIX):]
        if not index.isdigit() or int(index) >= len(self.specs):
            return None
        return self.specs[int(index)]

    def reset(self) -> None:
        self.specs.clear()
        self.cloze_marked = False
        self.stray_lines = []
        self.claimed_strays = set()

    def claim_stray(self) -> int:
        """The line of the first card in a list or quote not yet reported; 0 if none."""
        line = next((n for n in self.stray_lines if n not in self.claimed_strays), 0)
        self.claimed_strays.add(line)
        return line
