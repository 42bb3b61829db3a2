"""Discovery: full-text search, wikilinks, backlinks, series, and live reload while writing."""

from pelican import signals

from ..core.settings import add_markdown_extension
from .notes import connect_notes, connect_pages
from .pages import DiscoveryPagesGenerator
from .search import build_search_index


def add_extension(pelican) -> None:
    add_markdown_extension(pelican, "studyfolio.discovery.wikilinks")


def get_generators(pelican):
    return DiscoveryPagesGenerator


def register() -> None:
    signals.initialized.connect(add_extension)
    signals.article_generator_pretaxonomy.connect(connect_notes)
    signals.page_generator_finalized.connect(connect_pages)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(build_search_index)
