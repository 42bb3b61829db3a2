"""Core: the note reader, note metadata and the one report of problems in the sources."""

from pelican import signals

from .reader import NoteReader
from .report import report_sources


def use_note_reader(readers) -> None:
    for extension in NoteReader.file_extensions:
        readers.reader_classes[extension] = NoteReader


def register() -> None:
    signals.readers_init.connect(use_note_reader)
    signals.all_generators_finalized.connect(report_sources)
