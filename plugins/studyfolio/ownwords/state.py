"""What the own-words extension knows about the note it is converting; cleared by reset()."""

from __future__ import annotations

from ..core.source import NoteSource, note_of
from ..resources.links import registry_of
from ..resources.registry import Registry
from .sites import BlockSites

BLOCK_NAMES = frozenset({"explain", "compare", "explanation"})


class DocumentState:
    """Per-note state shared by our blocks, the timestamp links and the refused-block check."""

    def __init__(self, md, *, registry, siteurl: str):
        self.md = md
        self.registry_source = registry
        self.siteurl = siteurl
        self.reset()

    def reset(self) -> None:
        self._sites: BlockSites | None = None
        self._resources: Registry | None = None
        self.timestamp_line = 1
        self.video = ""
        self.duration: int | None = None

    @property
    def note(self) -> NoteSource:
        return note_of(self.md)

    @property
    def sites(self) -> BlockSites:
        if self._sites is None:
            self._sites = BlockSites(self.note.map, BLOCK_NAMES)
        return self._sites

    @property
    def resources(self) -> Registry:
        """The site's resource registry (content/resources.yml), read once per note at most."""
        if self._resources is None:
            self._resources = registry_of(self.registry_source)
        return self._resources


def state_of(md) -> DocumentState:
    """The state the own-words extension attached to this Markdown instance."""
    return md.studyfolio_ownwords
