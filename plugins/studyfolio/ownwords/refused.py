"""Blocks pymdownx refused (bad options, missing argument) stay as literal text: report them.

Runs after block parsing and before inline patterns, so the literal header is still plain text."""

from __future__ import annotations

from collections import Counter

from markdown.treeprocessors import Treeprocessor

from ..core.sourcemap import BLOCK_HEADER
from .contract import refusal
from .state import state_of

CODE_TAGS = {"pre", "code", "script", "style"}


def literal_headers(root, names) -> list[tuple[object, str, str]]:
    """(element, name, argument) for every block header left as text, in document order."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in CODE_TAGS:
            continue
        texts = [element.text or ""] + [child.tail or "" for child in element]
        for text in texts:
            for line in str(text).splitlines():
                match = BLOCK_HEADER.match(line.strip())
                if match and match.group("name").lower() in names:
                    found.append((element, match.group("name").lower(), (match.group("argument") or "").strip()))
    return found


class RefusedBlocks(Treeprocessor):
    def __init__(self, md, blocks: dict):
        super().__init__(md)
        self.blocks = blocks

    def run(self, root) -> None:
        state = state_of(self.md)
        literal = literal_headers(root, set(self.blocks))
        if not literal:
            return
        remaining = Counter((name, argument) for _, name, argument in literal)
        for element, _, _ in literal:
            element.set("class", " ".join(filter(None, [element.get("class"), "block-refused"])))
        for header in state.sites.unclaimed():
            key = (header.name, header.argument.strip())
            if remaining[key] <= 0:
                continue
            remaining[key] -= 1
            message, hint = refusal(self.blocks[header.name], header)
            state.note.error(header.line, f"{message}; the block is shown as plain text", hint)
