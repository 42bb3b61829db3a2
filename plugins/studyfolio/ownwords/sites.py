"""Where our blocks start in a note's source, so every problem in a block names its line.

pymdownx builds blocks from text that no longer carries line numbers, so the headers
(`/// explain | ...`) are found in the source once per note (skipping fenced code) and
claimed in order as blocks are built. Headers nobody claims were left as literal text."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

HEADER = re.compile(r"^(?P<indent>[ \t>]*)(?P<slashes>/{3,})[ ]*(?P<name>[\w-]+)[ ]*(?:\|[ ]*(?P<arg>.*?)[ ]*)?$")
FENCE = re.compile(r"^[ \t>]*(?P<fence>`{3,}|~{3,})")


@dataclass(frozen=True)
class Header:
    """One block header in the source: its 1-based line, name, argument and option lines."""

    line: int
    name: str
    argument: str
    options: str


def option_lines(lines: list[str], start: int, indent: str) -> str:
    """The dedented lines indented 4+ spaces beyond the header's, right after it."""
    taken = []
    for line in lines[start:]:
        if line.startswith(indent + "    ") and line.strip():
            taken.append(line[len(indent):])
        else:
            break
    return textwrap.dedent("\n".join(taken))


def scan_headers(text: str, names: frozenset[str]) -> list[Header]:
    """Every header of a block in `names`, in source order, outside fenced code."""
    lines = text.splitlines()
    found: list[Header] = []
    fence = ""
    for index, line in enumerate(lines):
        opener = FENCE.match(line)
        if fence:
            if opener and opener.group("fence")[0] == fence[0] and len(opener.group("fence")) >= len(fence):
                fence = ""
            continue
        if opener:
            fence = opener.group("fence")
            continue
        match = HEADER.match(line)
        if match and match.group("name").lower() in names:
            found.append(
                Header(
                    line=index + 1,
                    name=match.group("name").lower(),
                    argument=match.group("arg") or "",
                    options=option_lines(lines, index + 1, match.group("indent")),
                )
            )
    return found


class BlockSites:
    """The headers of one note, claimed in order by the blocks that were built from them."""

    def __init__(self, text: str, names: frozenset[str]):
        self.headers = scan_headers(text, names)
        self.claimed: set[int] = set()

    def claim(self, name: str, argument: str) -> int:
        """The line of the first unclaimed header of `name` (same argument preferred); 0 if none."""
        candidates = [h for h in self.headers if h.name == name and h.line not in self.claimed]
        exact = [h for h in candidates if h.argument.strip() == (argument or "").strip()]
        chosen = (exact or candidates or [None])[0]
        if chosen is None:
            return 0
        self.claimed.add(chosen.line)
        return chosen.line

    def unclaimed(self) -> list[Header]:
        return [h for h in self.headers if h.line not in self.claimed]
