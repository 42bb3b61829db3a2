"""Own words: explain and compare blocks, video timestamps, and the check that notes are
written in the learner's own words (a report page for the author, an optional badge)."""

from pelican import signals

from ..core.settings import add_markdown_extension
from ..resources.generator import source_of
from .generator import OwnWordsGenerator


def add_extension(pelican) -> None:
    """Explanation blocks look up resources in the same registry source as `res:` links."""
    add_markdown_extension(pelican, "studyfolio.ownwords.extension", {
        "registry": source_of(pelican.settings),
        "siteurl": pelican.settings.get("SITEURL", ""),
    })


def add_generator(pelican):
    return OwnWordsGenerator


def register() -> None:
    signals.initialized.connect(add_extension)
    signals.get_generators.connect(add_generator)
