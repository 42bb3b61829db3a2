"""Fixtures of the review tests; the helpers they use are in srs_helpers.py."""

from __future__ import annotations

import pytest
from srs_helpers import CARDS, SITE, Place


@pytest.fixture
def place(tmp_path) -> Place:
    place = Place(tmp_path)
    place.cards(CARDS)
    return place


@pytest.fixture(scope="session")
def srs_build(tmp_path_factory):
    """tests/srs/site built once with the writing settings."""
    from sitebuild import build_site

    output = tmp_path_factory.mktemp("srs-site") / "output"
    build = build_site(SITE / "srsconf.py", output, cwd=SITE)
    assert build.returncode == 0, build.log
    return build
