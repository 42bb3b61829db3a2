"""Core: the note reader, note metadata, neighbour links and the one report of problems."""

from pelican import signals

from .neighbours import link_neighbours
from .reader import NoteReader
from .report import report_sources


def use_note_reader(readers) -> None:
    for extension in NoteReader.file_extensions:
        readers.reader_classes[extension] = NoteReader


def register() -> None:
    signals.readers_init.connect(use_note_reader)
    signals.article_generator_finalized.connect(link_neighbours)
    signals.all_generators_finalized.connect(report_sources)
