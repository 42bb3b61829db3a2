"""Fixtures of the site-shell browser tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    yield context.new_page()
    context.close()
