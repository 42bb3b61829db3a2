"""Read the note's source before Markdown does: find every card, check its options at their
exact lines, and hand the card block a token instead of raw options.

pymdown-extensions leaves a block whose options fail validation as literal text; checking them
here turns every mistake into a reported error with its line, and the card still renders."""

from __future__ import annotations

from markdown.preprocessors import Preprocessor

from ..core.limits import check_block_count
from ..core.source import note_of
from ..core.sourcemap import Block, Metadata, SourceMap
from ..core.vault import hashtags
from .inline import InlineCards
from .options import read_options
from .spec import CardState

INLINE_VALUES = {"inline": True, "blocks": False}


class CardScanner(Preprocessor):
    """Rewrites `/// card | question` + option lines into `/// card | <token>`; records a CardSpec.

    Runs first, on the file's own lines, so line numbers are the learner's. Fenced code is
    skipped; inline cards (when enabled) become card blocks here too."""

    def __init__(self, md, state: CardState):
        super().__init__(md)
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        note = note_of(self.md)
        source = note.map_of(lines)
        start = source.metadata.end
        inline = self.inline_reader(lines, source, note)
        walk = SourceWalk(lines, source, note, self.state, self.block_names(), inline)
        walk.out.extend(lines[:start])
        index = start
        while index < len(lines):
            line, index = index + 1, walk.step(index)
            specs = self.state.specs
            check_block_count(note.path, walk.blocks + len(specs), specs[-1].line if specs else line)
        return walk.finish()

    def inline_reader(self, lines: list[str], source: SourceMap, note) -> InlineCards | None:
        """The inline reading for this note, or None: `Cards:` decides, else the site-wide
        setting, else whether the note carries a flashcard tag (as the plugin decides)."""
        settings = self.state.obsidian
        vault = bool(getattr(self.md, "studyfolio_vault", False))
        values = note.front_matter.get("tags", []) if note.front_matter else source.metadata.values.get("tags", [])
        written = [tag.strip() for value in values for tag in value.split(",")]
        meta_tags = ["#" + tag.strip().lstrip("#") for tag in written if tag.strip()]
        text_tags = [] if note.front_matter else ["#" + tag for tag in hashtags(source)]  # a vault note's are in its tags
        own = [tag[1:] for tag in meta_tags + text_tags if settings.is_flashcard_tag(tag)]
        ignored = any(settings.is_ignored_tag(tag) for tag in meta_tags + text_tags)
        enabled = self.inline_enabled(source.metadata, note, note.front_matter if vault else None)
        if enabled is None:  # a flashcard tag decides in vault notes, as in the plugin
            enabled = self.state.inline_default or (vault and bool(own) and not ignored)
        if not enabled:
            return None
        decks = tuple(tag[1:] for tag in meta_tags if settings.is_flashcard_tag(tag))
        return InlineCards(self.state, settings, decks=decks, first_deck=own[0] if own else None,
                           escape_tags=not vault)

    def block_names(self) -> set[str]:
        blocks = self.md.parser.blockprocessors
        return set(blocks["blocks"].blocks) if "blocks" in blocks else {"card"}

    def inline_enabled(self, metadata: Metadata, note, front_matter: dict | None = None) -> bool | None:
        """What the note's `Cards:` says (a vault note's front matter `cards:`); None if nothing."""
        written = (zip([1] * len(front_matter.get("cards", [])), front_matter.get("cards", []), strict=True)
                   if front_matter is not None else
                   zip(metadata.keys.get("cards", []), metadata.values.get("cards", []), strict=False))
        for number, value in written:
            if value.lower() in INLINE_VALUES:
                return INLINE_VALUES[value.lower()]
            note.error(number, f"unknown Cards value '{value}'",
                       "write Cards: inline (question::answer lines become cards) or Cards: blocks")
        return None


class SourceWalk:
    """One pass over a note's lines, guided by its source map: fenced code passed over, blocks
    tracked as the Blocks API nests them, card headers rewritten, prose handed to the inline
    syntax. A card in a list item or a quote is not read here: its line is kept for the
    report (the card block or the finalizer says it was not recognised)."""

    def __init__(self, lines, source: SourceMap, note, state: CardState, names: set[str], inline):
        self.lines, self.note, self.state, self.names, self.inline = lines, note, state, names, inline
        self.out: list[str] = []
        self.stack: list[tuple[Block, object]] = []  # open blocks: (the map's block, CardSpec or None)
        blocks = source.blocks_for(frozenset(names))
        self.headers = {block.line: block for block in blocks if block.top_level}
        self.fence_ends = {fence.start: fence.end for fence in source.fences}
        state.stray_lines = [block.line for block in blocks if block.name == "card" and not block.top_level]
        self.blocks = 0  # blocks opened that are not cards (other /// blocks, fenced code)

    def step(self, index: int) -> int:
        """Handle the line at `index`; return the index of the next line to handle."""
        number = index + 1
        if number in self.fence_ends:
            self.blocks += 1
            end = self.fence_ends[number]
            if self.inline is not None and not self.stack:
                self.out.extend(self.inline.feed_fence(index, self.lines[index:end]))
            else:
                self.flush()
                self.out.extend(self.lines[index:end])
            return end
        header = self.headers.get(number)
        if header is not None:
            self.flush()
            if header.name == "card":
                return self.open_card(index, header)
            self.stack.append((header, None))
            self.blocks += 1
            self.out.append(self.lines[index])
            return index + 1
        if self.stack and self.stack[-1][0].end == number:
            self.flush()
            _, spec = self.stack.pop()
            if spec is not None:
                spec.body = "\n".join(self.lines[spec.body_start:index])
            self.out.append(self.lines[index])
            return index + 1
        return self.prose(index, self.lines[index])

    def prose(self, index: int, line: str) -> int:
        if self.inline is not None and not self.stack:
            self.out.extend(self.inline.feed(index, line))
        else:
            self.flush()
            self.out.append(line)
        return index + 1

    def flush(self) -> None:
        if self.inline is not None:
            self.out.extend(self.inline.close())

    def open_card(self, index: int, header: Block) -> int:
        """Record the card that starts at `index`; return the index of its first body line."""
        if any(spec for _, spec in self.stack):
            self.note.error(index + 1, "a card cannot hold another card",
                            "close the first card with a line holding only /// before the next")
        option_indexes = [number - 1 for number in header.option_lines]
        options, option_lines = read_options(self.lines, option_indexes, self.note)
        spec = self.state.add(index + 1, [header.argument], options=options, option_lines=option_lines)
        spec.body_start = index + 1 + len(option_indexes)
        self.out.append(f"{header.prefix}{'/' * header.slashes} card | {spec.token}")
        self.stack.append((header, spec))
        return spec.body_start

    def finish(self) -> list[str]:
        """The rewritten lines; unclosed cards are noted."""
        self.flush()
        for _, spec in self.stack:
            if spec is not None:
                spec.body = "\n".join(self.lines[spec.body_start:])
                self.note.error(spec.line, "card block is never closed",
                                "end the card with a line holding only ///")
        return self.out
