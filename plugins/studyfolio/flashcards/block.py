"""The `/// card | question` block (pymdown-extensions Blocks API): a <details> whose summary
holds the question and whose body, full Markdown, is the answer.

The scanner has already read the options and replaced the question with a token; this block
only builds the skeleton that the finalizer completes once inline Markdown has run."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from ..core.source import note_of

SPEC_ATTR = "data-studyfolio-spec"


class CardBlock(Block):
    NAME = "card"
    ARGUMENT = None
    OPTIONS: dict = {}

    def on_create(self, parent):
        state = self.config["state"]
        spec = state.lookup(self.argument)
        if spec is None:
            # The scanner reads cards that start a line; one nested in a list or quote is not seen.
            note = note_of(self.md)
            line = state.claim_stray() or note.line_of(f"card | {self.argument}" if self.argument else "/// card")
            note.error(line, "a card must start at the beginning of a line, outside lists and quotes",
                       "move the /// card block out of the list or quote")
            spec = state.add(line, [self.argument or ""])
        details = etree.SubElement(parent, "details", {"class": "card", SPEC_ATTR: str(spec.index)})
        summary = etree.SubElement(details, "summary")
        question = etree.SubElement(summary, "span", {"class": "card-question"})
        question.text = spec.question_markdown
        etree.SubElement(details, "div", {"class": "card-answer"})
        return details

    def on_add(self, block):
        return block[1]

    def on_markdown(self):
        return "block"


class CardBlocks(BlocksExtension):
    """Registers the card block with the shared Blocks processor, bound to this file's state."""

    def __init__(self, state, **kwargs):
        self.state = state
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md, block_mgr):
        block_mgr.register(CardBlock, {"state": self.state})
