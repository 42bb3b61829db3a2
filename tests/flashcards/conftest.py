"""Flashcards tests: builds of the cards fixture site (module-scoped in the test files use them)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from cards_helpers import SITE
from hypothesis.configuration import set_hypothesis_home_dir

from sitebuild import build_site

# Hypothesis keeps its caches outside the work tree.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "studyfolio-hypothesis")


@pytest.fixture(scope="session")
def cards_build(tmp_path_factory):
    """The cards fixture site built once with the writing settings (problems reported, not fatal)."""
    output = tmp_path_factory.mktemp("cards") / "output"
    return build_site(SITE / "cardsconf.py", output, cwd=SITE)
