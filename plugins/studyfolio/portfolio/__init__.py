"""Share it as a portfolio: link previews (tags, JSON-LD, images) and the learning profile page."""

from pelican import signals

from .generator import PortfolioGenerator
from .share import share_meta


def get_generators(pelican):
    return PortfolioGenerator


def add_template_globals(generator) -> None:
    generator.env.globals["share_meta"] = share_meta


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_template_globals)
