"""Math: TeX in notes rendered to MathML at build time, with invalid TeX reported, and a math font
cut to what the site's math shows."""

from pelican import signals

from ..core.settings import add_markdown_extension
from .font import write_math_font


def add_extension(pelican) -> None:
    add_markdown_extension(pelican, "studyfolio.math.extension")


def register() -> None:
    signals.initialized.connect(add_extension)
    signals.finalized.connect(write_math_font)
