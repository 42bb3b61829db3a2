"""Fixtures for discovery tests: a set of notes linked in-process, and the fixture site built once."""

from __future__ import annotations

import pytest
from discovery_helpers import SITE, NoteSet

from sitebuild import build_site


@pytest.fixture
def note_set(tmp_path):
    """note_set({"a.md": source, ...}) -> {slug: Article}, read and linked like a build does."""
    notes = NoteSet(tmp_path)
    return notes.read


@pytest.fixture(scope="session")
def discovery_build(tmp_path_factory):
    """The discovery fixture site (tests/discovery/site), built once with the writing settings."""
    output = tmp_path_factory.mktemp("discovery") / "output"
    build = build_site(SITE / "siteconf.py", output, cwd=SITE)
    assert build.returncode == 0, build.log
    return build
