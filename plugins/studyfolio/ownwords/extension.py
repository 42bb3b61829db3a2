"""Python-Markdown extension for the study method: explain and compare blocks, video timestamps.

Added by name at Pelican's `initialized`, so every note gets fresh instances; `reset()`
clears the per-note state (Pelican resets the instance to render `Summary:` again)."""

from __future__ import annotations

from pymdownx.blocks import BlocksExtension

from .compare import CompareBlock, ExplanationBlock
from .explain import ExplainBlock
from .refused import RefusedBlocks
from .state import DocumentState
from .timestamps import TIMESTAMP, TimestampLink, VideoMeta

BLOCKS = {block.NAME: block for block in (ExplainBlock, CompareBlock, ExplanationBlock)}


class OwnWordsExtension(BlocksExtension):
    def __init__(self, **kwargs):
        self.config = {
            "registry": ["", "the resource registry (or its RegistrySource) for explanation blocks"],
            "siteurl": ["", "the site's URL, for links to the resources page"],
        }
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md, block_mgr) -> None:
        md.registerExtension(self)
        self.state = DocumentState(
            md, registry=self.getConfig("registry"), siteurl=self.getConfig("siteurl")
        )
        md.studyfolio_ownwords = self.state
        for block in BLOCKS.values():
            block_mgr.register(block, {})
        md.treeprocessors.register(RefusedBlocks(md, BLOCKS), "studyfolio-ownwords-refused", 26)
        md.treeprocessors.register(VideoMeta(md), "studyfolio-ownwords-video", 25)
        # Above links (160) and reference links (170), so `[04:14]` is not taken for a link text.
        md.inlinePatterns.register(TimestampLink(TIMESTAMP, md), "studyfolio-timestamp", 175)

    def reset(self) -> None:
        self.state.reset()


def makeExtension(**kwargs):
    return OwnWordsExtension(**kwargs)
