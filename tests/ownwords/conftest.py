"""Render helpers for the own-words blocks: Markdown in, (HTML, problems) out."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from studyfolio.core.source import NoteSource
from studyfolio.resources.registry import load_registry

RESOURCES = """\
- id: essence-of-linear-algebra
  title: Essence of Linear Algebra
  kind: video
  url: https://example.org/essence
- id: mml-book
  title: Mathematics for Machine Learning
  kind: book
  url: https://example.org/mml
- id: mml-imperial
  title: Mathematics for Machine Learning (course)
  kind: course
  url: https://example.org/course
"""
EXTENSIONS = ["extra", "meta", "studyfolio.math.extension", "studyfolio.ownwords.extension"]


@pytest.fixture(scope="session")
def resources_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("resources") / "resources.yml"
    path.write_text(RESOURCES, encoding="utf-8")
    return path


@pytest.fixture
def render(resources_file):
    """render(source) -> (html, problems): converted as the site does, problems formatted."""

    def convert(source: str, path: str = "content/notes/t.md"):
        md = markdown.Markdown(
            extensions=EXTENSIONS,
            extension_configs={"studyfolio.ownwords.extension": {"registry": load_registry(str(resources_file))}},
            output_format="html5",
        )
        note = NoteSource(path=path, text=source)
        md.studyfolio_note = note
        html = md.convert(source)
        return html, [d.format() for d in sorted(note.diagnostics)]

    return convert


SITE = Path(__file__).resolve().parent / "site"


@pytest.fixture(scope="session")
def ownwords_build(tmp_path_factory):
    """The own-words fixture site built once with the writing settings (report page on)."""
    from sitebuild import build_site

    output = tmp_path_factory.mktemp("ownwords") / "output"
    return build_site(SITE / "ownwordsconf.py", output, cwd=SITE)
