"""Core: the note reader, note metadata, neighbour links, the theme's bundles and the one report
of problems.

Pelican is imported when the plugin registers, not when a submodule is: the `studyfolio`
command's tools (link checking, for one) use core's diagnostics without starting Pelican."""


def use_note_reader(readers) -> None:
    from .reader import NoteReader

    for extension in NoteReader.file_extensions:
        readers.reader_classes[extension] = NoteReader


def bundles_generator(pelican):
    from .assets import BundlesGenerator

    return BundlesGenerator


def register() -> None:
    from pelican import signals

    from .clashes import drop_clashing, quiet_same_slug_warnings
    from .csp import add_policy
    from .neighbours import link_neighbours
    from .report import report_sources
    from .unpublished import watch_unpublished

    quiet_same_slug_warnings()
    signals.initialized.connect(watch_unpublished)
    signals.readers_init.connect(use_note_reader)
    signals.get_generators.connect(bundles_generator)
    signals.article_generator_pretaxonomy.connect(drop_clashing)
    signals.page_generator_finalized.connect(drop_clashing)
    signals.article_generator_finalized.connect(link_neighbours)
    signals.all_generators_finalized.connect(report_sources)
    signals.finalized.connect(add_policy)
