"""A note using every own-words tool, and the report page, in a real browser at two widths."""

import pytest

pytestmark = pytest.mark.browser

SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.fixture(scope="module")
def site_url(ownwords_build, serve):
    assert ownwords_build.returncode == 0, ownwords_build.log
    return serve(ownwords_build.output)


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_note_with_explain_compare_and_timestamps(page, site_url, screenshot, size, scheme):
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + "/notes/rank-study/")
    views = page.locator(".compare-view")
    assert views.count() == 3
    boxes = [views.nth(i).bounding_box() for i in range(3)]
    if size == "desktop":
        assert len({round(b["y"]) for b in boxes}) == 1  # three columns side by side
        formula = page.locator(".explain-formula").bounding_box()
        table = page.locator(".explain-table").bounding_box()
        assert table["x"] > formula["x"] + formula["width"] - 1  # the table beside the formula
    else:
        assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]  # stacked
        assert all(b["x"] >= 0 and b["x"] + b["width"] <= width for b in boxes)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"ownwords-note-{size}-{scheme}")
    assert page.foreign_requests == []


def test_timestamp_link_points_into_the_video_at_the_second(page, site_url):
    page.goto(site_url + "/notes/rank-study/")
    link = page.get_by_role("link", name="00:45")
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=Hn3pXe7bQvY&t=45"
    assert link.get_attribute("title") == "Watch from 00:45"


def test_compare_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(site_url + "/notes/rank-study/")
    assert tab.locator(".compare-view").evaluate_all("els => els.map(e => e.offsetHeight > 0)") == [True] * 3
    assert tab.locator(".compare-synthesis").is_visible()
    context.close()


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_report_page(page, site_url, screenshot, size, scheme):
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + "/ownwords/")
    assert page.locator("h1").inner_text() == "Own words report"
    page.get_by_role("link", name="34 of 44 words").click()
    assert page.url.endswith("#copied-copied-note")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, f"ownwords-report-{size}-{scheme}")
    assert page.foreign_requests == []
