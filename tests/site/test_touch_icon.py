"""A phone that saves the site to its home screen gets the site's own icon, 180 px square."""

from __future__ import annotations

from PIL import Image


def test_every_page_names_the_touch_icon_and_the_icon_is_180px(fixture_build):
    page = fixture_build.page("index.html")
    [link] = page.xpath("//link[@rel='apple-touch-icon']")
    path = fixture_build.output / link.get("href").lstrip("/")
    with Image.open(path) as icon:
        assert (icon.format, icon.size) == ("PNG", (180, 180))
