"""Helpers for plugins that add Markdown extensions without touching Pelican's defaults."""

from __future__ import annotations

import copy


def add_markdown_extension(pelican, name: str, config: dict | None = None) -> None:
    """Add extension `name` to this Pelican instance's MARKDOWN setting (a copy, not the default).

    Extensions are given by name so each file gets fresh instances: instances placed in the
    settings would be shared by every file."""
    markdown = copy.deepcopy(pelican.settings.get("MARKDOWN", {}))
    configs = markdown.setdefault("extension_configs", {})
    configs[name] = dict(config or {})
    extensions = markdown.setdefault("extensions", [])
    if name not in extensions:
        extensions.append(name)
    pelican.settings["MARKDOWN"] = markdown
