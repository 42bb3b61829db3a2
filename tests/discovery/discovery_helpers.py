"""Helpers for discovery tests: notes read by Pelican's real readers in-process, the fixture
site's report, and Pagefind's index read back."""

from __future__ import annotations

import gzip
import json
import textwrap
from pathlib import Path

from pelican.contents import Article
from pelican.readers import Readers
from pelican.settings import read_settings

from sitebuild import ROOT
from studyfolio.core.reader import NoteReader
from studyfolio.discovery.notes import link_notes

SITE = Path(__file__).resolve().parent / "site"




def pagefind_fragments(output: Path) -> dict[str, dict]:
    """The indexed pages by URL: Pagefind's fragments are gzip'd JSON after a signature."""
    found = {}
    for path in sorted((output / "pagefind" / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd"), path
        fragment = json.loads(raw[len(b"pagefind_dcd") :])
        found[fragment["url"]] = fragment
    return found


class NoteSet:
    """Notes written to a temp content folder, read by the site's reader, linked by discovery."""

    def __init__(self, folder: Path):
        self.content = folder / "content"
        self.content.mkdir(parents=True, exist_ok=True)
        markdown = read_settings(str(ROOT / "pelicanconf.py"))["MARKDOWN"]
        markdown = {**markdown, "extensions": ["studyfolio.discovery.wikilinks", "studyfolio.math.extension"]}
        self.settings = read_settings(
            None,
            override={
                "PATH": str(self.content),
                "MARKDOWN": markdown,
                "READERS": {"md": NoteReader},
                "ARTICLE_URL": "notes/{slug}/",
                "ARTICLE_SAVE_AS": "notes/{slug}/index.html",
                "SLUGIFY_SOURCE": "basename",
                "TIMEZONE": "UTC",
            },
        )

    def read(self, files: dict[str, str]) -> dict[str, Article]:
        """Write `files` (name -> note source) under content/notes/, read and link them all."""
        notes_dir = self.content / "notes"
        notes_dir.mkdir(parents=True, exist_ok=True)
        readers = Readers(self.settings)
        context = {**self.settings, "generated_content": {}, "static_content": {}, "localsiteurl": ""}
        notes = {}
        for name, source in files.items():
            (notes_dir / name).write_text(textwrap.dedent(source).lstrip(), encoding="utf-8")
            note = readers.read_file(
                str(self.content), f"notes/{name}", content_class=Article, context=context
            )
            context["generated_content"][note.get_relative_source_path()] = note
            notes[note.slug] = note
        published = [n for n in notes.values() if n.status != "draft"]
        drafts = [n for n in notes.values() if n.status == "draft"]
        self.catalog, self.series = link_notes(published, drafts, published, self.settings)
        for note in notes.values():
            note.refresh_metadata_intersite_links()  # as Pelican does after all generators
        return notes


def problems(note) -> list[str]:
    """A note's reported problems, formatted, in source order."""
    return [d.format() for d in sorted(getattr(note, "diagnostics", ()) or ())]


RESULT_BOXES = """list => [...list.children].map(li => {
    const r = li.getBoundingClientRect();
    return {left: r.left, top: r.top, width: r.width, section: li.classList.contains("is-section")};
})"""


def assert_one_column(dialog):
    """The results stack in one column as wide as their list (sections indented by one step)."""
    results = dialog.locator(".search-results")
    column = results.evaluate("el => { const s = getComputedStyle(el); const r = el.getBoundingClientRect();"
                              " return [r.left + parseFloat(s.paddingLeft), r.width - parseFloat(s.paddingLeft)"
                              " - parseFloat(s.paddingRight)]; }")
    boxes = results.evaluate(RESULT_BOXES)
    assert len(boxes) >= 3
    lefts = {round(b["left"]) for b in boxes if not b["section"]}
    assert lefts == {round(column[0])}, (lefts, column)
    assert len({round(b["left"]) for b in boxes if b["section"]}) <= 1
    for b in boxes:
        assert b["width"] >= column[1] - (30 if b["section"] else 1), (b, column)
    assert [b["top"] for b in boxes] == sorted(b["top"] for b in boxes)
    assert len({round(b["top"]) for b in boxes}) == len(boxes)  # none side by side
