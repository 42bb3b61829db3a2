"""The URLs of content/resources.yml as links, reported at their line in that file.

The registry reads and validates the file (its own problems are reported by the build);
here every resource with a web address becomes a link to check, at its `url:` line."""

from __future__ import annotations

from ..resources.registry import load_registry
from .locate import display_path
from .records import Link


def url_line(lines: list[str], url: str, entry_line: int) -> int:
    """The line of `url` in the entry that starts at `entry_line` (that line if not found)."""
    for number in range(max(entry_line, 1), len(lines) + 1):
        if url in lines[number - 1]:
            return number
    return max(entry_line, 1)


def resource_links(path: str, root: str) -> list[Link]:
    """One Link per resource URL in `path`; [] when there is no such file."""
    shown = display_path(path, root)
    registry = load_registry(path, shown)
    if not registry.found:
        return []
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    links = [Link(r.url, r.url, "", shown, url_line(lines, r.url, r.line), r.id, True)
             for r in registry.resources if r.url]
    return sorted(links, key=lambda link: (link.line, link.url))
