"""Flashcards: card blocks, cloze and inline cards in notes; decks, cards.json and Anki export."""

from pelican import signals

from ..core.settings import add_markdown_extension
from .collect import resolve_links
from .decks import DeckGenerator
from .slugs import slug_settings
from .srsettings import obsidian_settings_path


def add_extension(pelican) -> None:
    add_markdown_extension(pelican, "studyfolio.flashcards.extension", {
        "inline": bool(pelican.settings.get("STUDYFOLIO_CARDS_INLINE", False)),
        "slugs": slug_settings(pelican.settings),
        "obsidian_settings": obsidian_settings_path(pelican.settings),
    })


def get_generators(pelican):
    return DeckGenerator


def register() -> None:
    signals.initialized.connect(add_extension)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(resolve_links)
