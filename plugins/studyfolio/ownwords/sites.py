"""Where our blocks start in a note's source, so every problem in a block names its line.

pymdownx builds blocks from text that no longer carries line numbers, so the headers
(`/// explain | ...`) are taken from the note's source map and claimed in order as blocks
are built. Headers nobody claims were left as literal text."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.sourcemap import SourceMap


@dataclass(frozen=True)
class Header:
    """One block header in the source: its 1-based line, name, argument and option lines."""

    line: int
    name: str
    argument: str
    options: str


def scan_headers(source: SourceMap, names: frozenset[str]) -> list[Header]:
    """Every header of a block in `names`, in source order, outside code (the note's map)."""
    return [
        Header(block.line, block.name, block.argument, source.options_text(block))
        for block in source.blocks if block.name in names
    ]


class BlockSites:
    """The headers of one note, claimed in order by the blocks that were built from them."""

    def __init__(self, source: SourceMap, names: frozenset[str]):
        self.headers = scan_headers(source, names)
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
