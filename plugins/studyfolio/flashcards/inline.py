"""Inline cards read as Obsidian's spaced repetition plugin reads them, in notes that ask for
them: `question::answer`, `question:::answer` (both ways), multi-line cards (the question above
a line holding `?` or `??`, the answer below it, up to a blank line or the end marker), and
text with cloze deletions. Each becomes a card block; every other line is left as it was.

The reader is fed a note's lines in order (a fenced code block as one piece, never a card's
separator, its blank lines never the end of a card) and hands back the lines to keep."""

from __future__ import annotations

import re

from ..core.vault import HASHTAG
from .spec import CardState
from .srcloze import CODE_SPAN, OWN_CLOZE, ClozeReader, blank
from .srschedule import parse_comment, without_comments
from .srsettings import ObsidianSettings

SR_CALLOUT = "> [!sr|card-metadata]"
SR_OPEN = "<!--SR:"
HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
MARKERS = re.compile(r"^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|>[ \t]?)*")
TOPIC = re.compile(r"^#[^\s#]+")
BLOCK_ID = re.compile(r" (\^[a-zA-Z0-9-]+)$")
CALLOUT_REST = re.compile(r"^>\s*$")


def inside_code(line: str, at: int, width: int) -> bool:
    """The plugin's test: an odd number of backticks on each side of the marker."""
    return line[:at].count("`") % 2 == 1 and line[at + width:].count("`") % 2 == 1


def has_own_cloze(line: str) -> bool:
    """A Studyfolio deletion, {{c1::answer}}, outside code spans."""
    return bool(OWN_CLOZE.search(blank(CODE_SPAN, line)))


def tags_in(line: str) -> list[str]:
    """The `#tags` of one line (the vault's rule for a tag: core/vault.py)."""
    return [f"#{match.group('tag').strip('/')}" for match in HASHTAG.finditer(line)]


class InlineCards:
    """One note's inline reading: `feed` each line (`feed_fence` each fenced code block) and
    `close` where the prose ends (a /// block or the end of the note); each returns the lines
    to keep, cards turned into `/// card | <token>` blocks."""

    def __init__(self, state: CardState, settings: ObsidianSettings | None = None, *,
                 decks: tuple[str, ...] = (), first_deck: str | None = None, escape_tags: bool = True):
        self.state = state
        self.escape_tags = escape_tags  # in vault notes `#tag` lines are tags already (obsidian/)
        self.settings = settings or ObsidianSettings()
        self.cloze = ClozeReader(self.settings.cloze_patterns)
        s = self.settings
        pairs = [(s.single, False), (s.single_reversed, True)]
        self.separators = sorted((p for p in pairs if p[0]), key=lambda p: -len(p[0]))
        self.decks = decks  # the decks of the cards that follow (the last tag line before them)
        self.first_deck = first_deck  # the plugin's fallback: the note's first flashcard tag
        self.out: list[str] = []
        self.text: list[tuple[int, str, bool]] = []  # (index, line, is code) gathered so far
        self.kind: str | None = None  # "multi", "multi_reversed" or "cloze" once known
        self.single: tuple[list[tuple[int, str]], str, bool] | None = None  # waits for its SR line
        self.callout = False  # the single card's scheduling callout is being read
        self.comment = False  # inside an HTML comment

    # -- feeding ---------------------------------------------------------------------------

    def feed(self, index: int, line: str) -> list[str]:
        if self.single is not None and self.schedule_line(index, line):
            return self.taken()
        if self.comment or (line.startswith("<!--") and not line.startswith(SR_OPEN)):
            self.end_text()
            self.out.append(line)
            self.comment = "-->" not in line
            return self.taken()
        stripped, marker = line.strip(), self.settings.end_marker
        if (not stripped and (not marker or self.kind is None)) or (marker and stripped == marker):
            ended = self.end_text()
            if not (ended and marker and stripped == marker):
                self.out.append(line)
            return self.taken()
        self.text.append((index, line, False))
        separator = self.separator(line)
        if separator is not None:
            here = self.text.pop()
            self.kind = None
            self.end_text()
            self.single = ([here[:2]], *separator)
        elif stripped == self.settings.multi:
            if self.has_front():
                self.kind = "multi"
        elif stripped == self.settings.multi_reversed:
            if self.has_front():
                self.kind = "multi_reversed"
        elif self.kind is None and (self.cloze.has_cloze(line) or has_own_cloze(line)):
            self.kind = "cloze"
        return self.taken()

    def feed_fence(self, index: int, lines: list[str]) -> list[str]:
        if self.single is not None:
            self.end_single()
        if self.comment:
            self.out.extend(lines)
        else:
            self.text.extend((index + n, line, True) for n, line in enumerate(lines))
        return self.taken()

    def close(self) -> list[str]:
        if self.single is not None:
            self.end_single()
        self.end_text()
        self.comment = False
        return self.taken()

    def taken(self) -> list[str]:
        out, self.out = self.out, []
        return out

    # -- recognising -------------------------------------------------------------------------

    def separator(self, line: str) -> tuple[str, bool] | None:
        """The one-line separator of `line` (the longest first), unless its first place is in
        code; a Studyfolio deletion's :: is not a separator."""
        hidden = blank(OWN_CLOZE, line)
        for mark, two_way in self.separators:
            at = hidden.find(mark)
            if at >= 0 and not inside_code(line, at, len(mark)):
                return mark, two_way
        return None

    def has_front(self) -> bool:
        """The plugin's test for a question: the text so far, separator line included, is
        longer than one character."""
        return len(self.text) > 1 or len(self.text[0][1].rstrip()) > 1

    def schedule_line(self, index: int, line: str) -> bool:
        """Take the line after a one-line card when it holds the card's schedule."""
        lines = self.single[0]
        if (self.callout and line.startswith(">")) or line.startswith((SR_OPEN, SR_CALLOUT)):
            lines.append((index, line))
            self.callout = SR_OPEN not in line and (self.callout or line.startswith(SR_CALLOUT))
            if not self.callout:
                self.end_single()
            return True
        self.end_single()
        return False

    # -- ending ------------------------------------------------------------------------------

    def end_text(self) -> bool:
        """The gathered text ends: a card if it became one, else prose. True for a card."""
        text, kind = self.text, self.kind
        self.text, self.kind = [], None
        if kind and text:
            (self.cloze_card if kind == "cloze" else self.multi_line)(text, kind)
            return True
        for _, line, code in text:
            decks = [tag[1:] for tag in tags_in(line) if self.settings.is_flashcard_tag(tag)]
            if decks and not code:
                self.decks = tuple(decks)
                if self.escape_tags and TOPIC.match(line):  # a tag, not a heading (Markdown would make it one)
                    line = "\\" + line
            self.out.append(line)
        return False

    def end_single(self) -> None:
        lines, mark, two_way = self.single
        self.single, self.callout = None, False
        index, line = lines[0]
        clean, decks = self.topic(without_comments(line).rstrip())
        clean = BLOCK_ID.sub("", clean).rstrip()
        at = blank(OWN_CLOZE, clean).find(mark)
        question, answer = clean[:at], clean[at + len(mark):]
        heading = HEADING.match(question)
        page = []
        if heading:
            question = heading.group(2) or ""
            page = [f"{heading.group(1)} {question.strip()}"]
        else:
            question = MARKERS.sub("", question)
        schedule = parse_comment("\n".join(text for _, text in lines))
        self.card(index, [question.strip()], [answer.strip()], two_way, schedule, decks, page)

    def cleaned(self, text: list[tuple[int, str, bool]]) -> tuple[list[str], tuple[str, ...]]:
        """The lines of a card's text without scheduling comments, the plugin's scheduling
        callout, a leading deck tag and a trailing ^block-id; and the card's decks."""
        lines: list[str] = []
        in_callout = False
        for _, line, code in text:
            if code:
                lines.append(line)
                continue
            if line.startswith(SR_CALLOUT):
                in_callout = True
                continue
            line = without_comments(line).rstrip()
            if in_callout and CALLOUT_REST.match(line):
                continue
            in_callout = False
            lines.append(line)
        while lines and not lines[-1].strip():
            lines.pop()
        decks: tuple[str, ...] = ()
        if lines:
            first, decks = self.topic(lines[0].lstrip())
            if first != lines[0].lstrip():
                lines[0] = first.lstrip()
                if not lines[0]:
                    lines.pop(0)
        if lines:
            lines[-1] = BLOCK_ID.sub("", lines[-1]).rstrip()
        return lines, decks

    def topic(self, text: str) -> tuple[str, tuple[str, ...]]:
        """`text` without a leading tag, and the decks the tag chooses (a flashcard tag only)."""
        found = TOPIC.match(text.lstrip())
        if found is None:
            return text, ()
        tag = found.group(0)
        rest = text.lstrip()[found.end():].lstrip()
        return rest, ((tag[1:],) if self.settings.is_flashcard_tag(tag) else ())

    def multi_line(self, text: list[tuple[int, str, bool]], kind: str) -> None:
        lines, decks = self.cleaned(text)
        mark = self.settings.multi if kind == "multi" else self.settings.multi_reversed
        split = next((n for n, line in enumerate(lines) if line.strip() == mark), None)
        if split is None:  # the separator was part of what the plugin leaves out of a card
            self.out.extend(line for _, line, _ in text)
            return
        page, question = [], []
        for line in lines[:split]:
            heading = HEADING.match(line)
            if heading:
                page.append(line.strip())
                question.append(heading.group(2) or "")
            else:
                question.append(MARKERS.sub("", line))
        schedule = parse_comment("\n".join(line for _, line, _ in text))
        self.card(text[0][0], question, lines[split + 1:], kind == "multi_reversed", schedule,
                  decks, page)

    def cloze_card(self, text: list[tuple[int, str, bool]], kind: str) -> None:
        lines, decks = self.cleaned(text)
        body = self.cloze.convert("\n".join(lines)).split("\n")
        schedule = parse_comment("\n".join(line for _, line, _ in text))
        self.card(text[0][0], [], body, False, schedule, decks, [])

    def card(self, index, question, answer, two_way, schedule, decks, page) -> None:
        spec = self.state.add(index + 1, question, two_way=two_way, origin="inline")
        spec.body = "\n".join(answer)
        spec.sr_schedule = schedule
        spec.decks = decks or self.decks or ((self.first_deck,) if self.first_deck else ())
        if page:
            self.out.extend(["", *page])
        self.out.extend(["", f"/// card | {spec.token}", *answer, "///", ""])
