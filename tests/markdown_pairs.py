"""Render Markdown the way the site does, for source/expected pairs in tests."""

from __future__ import annotations

import markdown

from studyfolio.core.source import NoteSource


def render(source: str, *extensions: str, path: str = "content/notes/t.md"):
    """(html, diagnostics in source order) for `source` converted with Studyfolio's extensions and 'extra'."""
    md = markdown.Markdown(extensions=["extra", *extensions], output_format="html5")
    note = NoteSource(path=path, text=source)
    md.studyfolio_note = note
    html = md.convert(source)
    return html, [d.format() for d in sorted(note.diagnostics)]
