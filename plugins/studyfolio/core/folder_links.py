"""Linked folders in content/ are read once each: a link back to a folder already read (a loop,
which Pelican would follow 40 levels deep, reading every note 40 times) is not followed.

A link to a folder outside content/ (a vault kept elsewhere, say) is read as if the folder
were there; what it holds is published like the rest."""

from __future__ import annotations

import os

from .diagnostics import Diagnostic, Severity
from .source import site_relative

EXCLUDE_SETTINGS = ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES")


def repeated_folders(content: str) -> list[tuple[str, str]]:
    """(link, target) for each folder link, relative to `content`, that leads to a folder
    already reached by a shorter or earlier path, walking as Pelican does (links followed)."""
    seen = {os.path.realpath(content)}
    repeated = []
    for folder, names, _files in os.walk(content, topdown=True, followlinks=True):
        names.sort()
        for name in list(names):
            path = os.path.join(folder, name)
            real = os.path.realpath(path)
            if real in seen:
                names.remove(name)
                repeated.append((os.path.relpath(path, content), real))
            else:
                seen.add(real)
    return repeated


def skip_repeated_folders(settings: dict, problems: list[Diagnostic]) -> None:
    """Add every repeated folder to Pelican's excludes, and a warning for each to `problems`."""
    content = settings["PATH"]
    for link, target in repeated_folders(content):
        for key in EXCLUDE_SETTINGS:
            settings[key] = [*settings.get(key, []), link]
        shown = site_relative(target, content)
        problems.append(Diagnostic(
            site_relative(os.path.join(content, link), content), 1,
            f"this link leads to {shown}, a folder that is already read; it is not followed",
            "remove the link: every note is published once, from its own folder",
            Severity.WARNING))
