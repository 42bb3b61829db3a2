"""Inline cards for people coming from Obsidian's spaced repetition plugin, in notes that ask
for them: `question::answer`, `question:::answer` (both ways), multi-line cards split by a line
holding `?` (or `??`), and paragraphs with cloze deletions. Each becomes a card block."""

from __future__ import annotations

import re

from .spec import CardState

CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
CLOZE_SPAN = re.compile(r"\{\{(?=\s*c\d*\s*:).*?(?:\}\}|$)")
NOT_PROSE = re.compile(r"^(?: {4}|\t| {0,3}(?:[-*+]|\d+[.)])(?:[ \t]|$)| {0,3}[>|<])")
HEADING = re.compile(r"^ {0,3}#")


def masked(line: str) -> str:
    """`line` with code spans and cloze deletions blanked, so `::` inside them is not a card."""
    blank = lambda m: " " * len(m.group(0))  # noqa: E731 - a one-off replacement
    return CLOZE_SPAN.sub(blank, CODE_SPAN.sub(blank, line))


def has_cloze(line: str) -> bool:
    return bool(CLOZE_SPAN.search(CODE_SPAN.sub("", line)))


class InlineCards:
    """Turns the inline syntax in one chunk of prose (lines without a blank between them)
    into card blocks; everything else in the chunk is left as it was."""

    def __init__(self, state: CardState):
        self.state = state

    def convert(self, chunk: list[tuple[int, str]]) -> list[str]:
        # A list, quote, table, HTML or indented code runs to the end of the chunk: left alone.
        cut = next((n for n, (_, line) in enumerate(chunk) if NOT_PROSE.match(line)), len(chunk))
        return self.convert_prose(chunk[:cut]) + [line for _, line in chunk[cut:]]

    def convert_prose(self, chunk: list[tuple[int, str]]) -> list[str]:
        if not chunk:
            return []
        separator = next((n for n, (_, line) in enumerate(chunk) if line.strip() in ("?", "??")), None)
        if separator is not None:
            return self.multi_line(chunk, separator)
        out: list[str] = []
        prose: list[tuple[int, str]] = []
        for index, line in chunk:
            heading = bool(HEADING.match(line))
            card = None if heading else self.one_line(index, line)
            if card is None and not heading:
                prose.append((index, line))
                continue
            out.extend(self.prose(prose))
            prose = []
            out.extend(card or [line])
        out.extend(self.prose(prose))
        return out

    def one_line(self, index: int, line: str) -> list[str] | None:
        hidden = masked(line)
        at = hidden.find("::")
        if at < 0:
            return None
        two_way = hidden.startswith(":::", at)
        width = 3 if two_way else 2
        question, answer = line[:at].strip(), line[at + width:].strip()
        return self.block(index, [question], [answer], two_way=two_way)

    def multi_line(self, chunk, separator: int) -> list[str]:
        mark = chunk[separator][1]
        question = [line for _, line in chunk[:separator]]
        answer = [line for _, line in chunk[separator + 1:]]
        return self.block(chunk[0][0], question, answer, two_way=mark.strip() == "??")

    def prose(self, lines: list[tuple[int, str]]) -> list[str]:
        """A run of plain lines: a cloze card if it holds cloze deletions, else unchanged."""
        if lines and any(has_cloze(line) for _, line in lines):
            return self.block(lines[0][0], [], [line for _, line in lines])
        return [line for _, line in lines]

    def block(self, index: int, question: list[str], answer: list[str], *, two_way=False) -> list[str]:
        spec = self.state.add(index + 1, question, two_way=two_way, origin="inline")
        spec.body = "\n".join(answer)
        return ["", f"/// card | {spec.token}", *answer, "///", ""]
