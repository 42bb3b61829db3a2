"""Cloze deletions written as Obsidian's spaced repetition plugin reads them, from its patterns
(`==[123;;]answer[;;hint]==`: `answer` is the deleted text, the bracket holding digits the
optional card number, the bracket holding `hint` the optional hint), turned into the
`{{cN::answer::hint}}` form the card finalizer knows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .srsettings import DIGITS, GROUP, check_pattern

CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
OWN_CLOZE = re.compile(r"\{\{(?=\s*c\d*\s*:).*?(?:\}\}|$)", re.M)
OWN_NUMBER = re.compile(r"\{\{\s*c(\d+)\s*:")


def blank(pattern: re.Pattern, text: str) -> str:
    """`text` with every match of `pattern` replaced by as many spaces (positions kept)."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def unescaped(text: str) -> str:
    return text.replace("\\[", "[").replace("\\]", "]")


@dataclass(frozen=True)
class ClozePattern:
    """One pattern compiled to two regexes: `classic` needs the number, `simple` omits it."""

    raw: str
    classic: re.Pattern
    simple: re.Pattern

    @classmethod
    def compile(cls, raw: str) -> ClozePattern:
        check_pattern(raw)
        groups = list(GROUP.finditer(raw))
        number = next(g for g in groups if DIGITS.search(g.group(1)))
        hint = next(g for g in groups if "hint" in g.group(1) and g is not number)
        return cls(raw, re.compile(cls.regex(raw, number, hint, True)),
                   re.compile(cls.regex(raw, number, hint, False)))

    @staticmethod
    def regex(raw: str, number: re.Match, hint: re.Match, numbered: bool) -> str:
        parts = []
        at = 0
        for group in sorted((number, hint), key=lambda g: g.start()):
            parts.append(re.escape(raw[at:group.start()]).replace("answer", "(?P<answer>.+?)", 1))
            content = unescaped(group.group(1))
            if group is number:
                parts.append(DIGITS.sub(r"(?P<seq>\\d+)", re.escape(content), 1) if numbered else "")
            else:
                before, after = content.split("hint", 1)
                body = "(?P<hint>.+?)" if not before or not after else (
                    f"(?P<hint>(?:(?!{re.escape(after)}).)+?)")
                parts.append(f"(?:{re.escape(before)}{body}{re.escape(after)})?")
            at = group.end()
        parts.append(re.escape(raw[at:]).replace("answer", "(?P<answer>.+?)", 1))
        return "".join(parts)


class ClozeReader:
    """Finds and converts the plugin's deletions in a card's text; code spans are never cloze."""

    def __init__(self, patterns: tuple[str, ...]):
        self.patterns = [ClozePattern.compile(raw) for raw in patterns]

    def searchable(self, text: str) -> str:
        return blank(OWN_CLOZE, blank(CODE_SPAN, text))

    def has_cloze(self, line: str) -> bool:
        hidden = self.searchable(line)
        return any(p.simple.search(hidden) for p in self.patterns)

    def convert(self, text: str) -> str:
        """`text` with each deletion as {{cN::answer}} or {{cN::answer::hint}}: numbered as
        written when any deletion has a number (the others are left as text), else in order,
        pattern by pattern, after any {{cN::...}} already there."""
        hidden = self.searchable(text)
        numbered = any(p.classic.search(hidden) for p in self.patterns)
        taken: set[int] = set()
        found: list[tuple[int, int, int, str, str]] = []
        count = max((int(n) for n in OWN_NUMBER.findall(text)), default=0)
        for pattern in self.patterns:
            for match in (pattern.classic if numbered else pattern.simple).finditer(hidden):
                where = match.start("answer")
                if where in taken or any(s < match.end() and match.start() < e for s, e, *_ in found):
                    continue
                taken.add(where)
                if numbered:
                    number = int(match.group("seq"))
                else:
                    count += 1
                    number = count
                span = slice(*match.span("answer"))
                hint = text[slice(*match.span("hint"))] if match.group("hint") else ""
                found.append((match.start(), match.end(), number, text[span], hint))
        for start, end, number, answer, hint in sorted(found, reverse=True):
            form = f"{{{{c{max(number, 1)}::{answer}{'::' + hint if hint else ''}}}}}"
            text = text[:start] + form + text[end:]
        return text
