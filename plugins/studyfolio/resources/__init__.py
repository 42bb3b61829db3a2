"""Resources: the registry in content/resources.yml, `[text](res:id)` links, the /resources/ page."""

from __future__ import annotations

import os

from pelican import signals

from ..core.pelican_api import reader_cache_path, use_reader_cache
from ..core.settings import add_markdown_extension
from .generator import ResourcesGenerator, registry_display, registry_path
from .links import RegistrySource


def add_extension(pelican) -> None:
    settings = pelican.settings
    source = RegistrySource(registry_path(settings), registry_display(settings))
    add_markdown_extension(
        pelican,
        "studyfolio.resources.links",
        {"registry": source, "siteurl": settings.get("SITEURL", "")},
    )


def forget_stale_notes(generator) -> None:
    """Notes are rendered with the registry's titles and kinds: when resources.yml changed after
    Pelican's content cache was written, that cache is not reused, so no note shows old data."""
    readers = getattr(generator, "readers", None)
    cache_path = reader_cache_path(readers)
    registry = registry_path(generator.settings)
    if not cache_path or not os.path.exists(cache_path) or not os.path.exists(registry):
        return
    if os.path.getmtime(registry) > os.path.getmtime(cache_path):
        use_reader_cache(readers, {})


def get_generators(pelican):
    return ResourcesGenerator


def register() -> None:
    signals.initialized.connect(add_extension)
    signals.generator_init.connect(forget_stale_notes)
    signals.get_generators.connect(get_generators)
