"""Core tests: a NoteReader with the real site settings, built once a module."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir
from pelican import Pelican
from pelican.settings import read_settings

from sitebuild import ROOT
from studyfolio.core.reader import NoteReader

# Hypothesis keeps its caches outside the work tree.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "studyfolio-hypothesis")


@pytest.fixture(scope="module")
def reader(tmp_path_factory) -> tuple[NoteReader, Path]:
    """(a NoteReader, the content/notes folder its notes go in), with the repo's settings."""
    content = tmp_path_factory.mktemp("reader") / "content"
    (content / "notes").mkdir(parents=True)
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "THEME": str(ROOT / "theme"), "TIMEZONE": "UTC",
        "PLUGIN_PATHS": [str(ROOT / "plugins")], "OUTPUT_PATH": str(content.parent / "output")})
    Pelican(settings)  # the plugins add their Markdown extensions as a build starts
    return NoteReader(settings), content / "notes"
