"""The URLs of content/resources.yml as links, reported at their line in that file.

Reads the registry through `studyfolio.resources.registry` when that plugin is installed;
without it there is no registry to read (its /resources/ page does not exist either)."""

from __future__ import annotations

import importlib
import os

from .locate import display_path
from .records import Link

REGISTRY_MODULE = "studyfolio.resources.registry"


def resource_links(path: str, root: str) -> list[Link]:
    """One Link per resource URL in `path`; [] when the file or the registry module is missing."""
    if not os.path.isfile(path):
        return []
    try:
        registry = importlib.import_module(REGISTRY_MODULE)
    except ModuleNotFoundError as error:
        if error.name and REGISTRY_MODULE.startswith(error.name):
            return []
        raise
    loaded = registry.load_registry(path)
    entries = getattr(loaded, "resources", loaded)
    entries = entries.values() if isinstance(entries, dict) else entries
    shown = display_path(path, root)
    links = []
    for entry in entries:
        url = getattr(entry, "url", "") or ""
        if url:
            line = getattr(entry, "line", 1) or 1
            links.append(Link(url, url, "", shown, line, getattr(entry, "id", ""), True))
    return sorted(links, key=lambda link: (link.line, link.url))
