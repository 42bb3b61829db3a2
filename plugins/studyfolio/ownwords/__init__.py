"""Own words: explain and compare blocks, video timestamps, and the check that notes are
written in the learner's own words (a report page for the author, an optional badge)."""

import os

from pelican import signals

from ..core.settings import add_markdown_extension
from .generator import OwnWordsGenerator


def add_extension(pelican) -> None:
    add_markdown_extension(pelican, "studyfolio.ownwords.extension", {
        "resources": os.path.join(pelican.settings["PATH"], "resources.yml"),
        "siteurl": pelican.settings.get("SITEURL", ""),
    })


def add_generator(pelican):
    return OwnWordsGenerator


def register() -> None:
    signals.initialized.connect(add_extension)
    signals.get_generators.connect(add_generator)
