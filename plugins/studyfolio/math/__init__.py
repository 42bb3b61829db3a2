"""Math: TeX in notes rendered to MathML at build time, with invalid TeX reported."""

from pelican import signals

from ..core.settings import add_markdown_extension


def add_extension(pelican) -> None:
    add_markdown_extension(pelican, "studyfolio.math.extension")


def register() -> None:
    signals.initialized.connect(add_extension)
