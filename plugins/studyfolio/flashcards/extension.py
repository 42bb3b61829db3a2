"""Python-Markdown extension: flashcards in notes (card blocks, cloze deletions, inline cards).

Pipeline: the scanner (preprocessor, first) reads cards and their options at their lines; the
card block (Blocks API) parses the answer as Markdown; the cloze pattern marks deletions; the
finalizer (after inline Markdown) writes ids and data attributes and reports what is wrong."""

from __future__ import annotations

from markdown import Extension

from .block import CardBlocks
from .cloze import PATTERN, PRIORITY, ClozePattern
from .render import CardFinalizer
from .scan import CardScanner
from .slugs import SlugRules
from .spec import CardState
from .srsettings import ObsidianSettings


class FlashcardsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "inline": [False, "inline cards (question::answer) in every note, not only Cards: inline"],
            "slugs": [{}, "Pelican's slug settings, so card ids use the note's slug"],
            "obsidian_settings": ["", "path of a vault's spaced repetition data.json (separators, "
                                  "cloze patterns, flashcard tags); its defaults when empty or absent"],
        }
        super().__init__(**kwargs)
        self.state = CardState(inline_default=bool(self.getConfig("inline")),
                               obsidian=ObsidianSettings.read(self.getConfig("obsidian_settings"))[0])

    def extendMarkdown(self, md):
        md.registerExtension(self)
        rules = SlugRules.from_config(self.getConfig("slugs"))
        CardBlocks(self.state).extendMarkdown(md)
        # Before normalize_whitespace (30): the scanner must see the learner's own lines.
        md.preprocessors.register(CardScanner(md, self.state), "studyfolio-cards-scan", 35)
        md.inlinePatterns.register(ClozePattern(PATTERN, md, self.state), "studyfolio-cloze", PRIORITY)
        md.treeprocessors.register(CardFinalizer(md, self.state, rules), "studyfolio-cards", 19)

    def reset(self):
        self.state.reset()


def makeExtension(**kwargs):
    return FlashcardsExtension(**kwargs)
