"""A Markdown reader that tells our extensions which file they convert and keeps their reports."""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions.meta import MetaPreprocessor
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from .metadata import check_metadata
from .source import NoteSource, site_relative


class NoteReader(MarkdownReader):
    """Pelican's Markdown reader, plus: the note's path and text for line numbers, the problems
    found while converting it (kept in the metadata so they survive Pelican's content cache),
    the learner's metadata checked and typed, and the reading time."""

    def markdown(self) -> Markdown:
        """One Markdown instance per reader, reset between files: building one with every
        extension costs more than converting a short note. Pelican's summary pass already
        relies on reset(), so every extension must clear its state there anyway."""
        if getattr(self, "_studyfolio_md", None) is None:
            self._studyfolio_md = Markdown(**self.settings["MARKDOWN"])
        md = self._studyfolio_md
        md.reset()
        if "meta" not in md.preprocessors:  # Pelican's summary pass deregisters it
            md.preprocessors.register(MetaPreprocessor(md), "meta", 27)
        return md

    def read(self, source_path):
        self._source_path = source_path
        with pelican_open(source_path) as text:
            note = NoteSource(path=site_relative(source_path, self.settings["PATH"]), text=text)
            self._md = self.markdown()
            self._md.studyfolio_note = note
            content = self._md.convert(text)
        found = list(note.diagnostics)
        # Formatted fields (Summary:) are converted again below; their reports would repeat.
        metadata = self._parse_metadata(self._md.Meta) if hasattr(self._md, "Meta") else {}
        note.diagnostics[:] = found
        check_metadata(note, metadata)
        metadata["diagnostics"] = tuple(note.diagnostics)
        return content, metadata
