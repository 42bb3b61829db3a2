"""Search in a real browser, the way a learner uses it: keyboard first, served from the site only."""

import pytest
from discovery_helpers import assert_one_column

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(discovery_build, serve):
    return serve(discovery_build.output)


def open_search(page, url, shortcut="/"):
    page.goto(url + "/notes/variance/")
    page.keyboard.press(shortcut)
    dialog = page.locator("dialog.search-dialog")
    dialog.wait_for(state="visible")
    return dialog


def result_titles(dialog):
    return dialog.locator(".search-result:not(.is-section) .search-result-title").all_text_contents()


def type_query(page, dialog, query: str, expected_status: str):
    page.keyboard.type(query)
    dialog.locator(".search-status", has_text=expected_status).wait_for()


def test_type_a_query_filter_by_tag_and_open_a_result_by_keyboard(page, site_url):
    dialog = open_search(page, site_url)
    field = dialog.locator("input.search-input")
    assert field.evaluate("el => el === document.activeElement")
    type_query(page, dialog, "singular value decomposition", "results for “singular value decomposition”")
    assert result_titles(dialog)[0] == "SVD, explained to a friend"
    assert dialog.locator(".search-result").first.locator("mark").count() > 0

    field.fill("")
    type_query(page, dialog, "dot product", "results for “dot product”")
    assert set(result_titles(dialog)) >= {"The dot product", "Matrix multiplication"}
    tag = dialog.locator("select[name=tag]")
    tag.select_option("matrices")
    dialog.locator(".search-status", has_text="1 result for “dot product”").wait_for()
    assert result_titles(dialog) == ["Matrix multiplication"]

    tag.select_option("")
    dialog.locator(".search-status", has_text="results for “dot product”").wait_for()
    field.focus()
    first = dialog.locator(".search-result [role=option]").first
    assert first.get_attribute("aria-selected") == "true"
    assert field.get_attribute("aria-activedescendant") == first.get_attribute("id")
    page.keyboard.press("ArrowDown")
    chosen = dialog.locator("a.search-result-link[role=option][aria-selected=true]")
    target = chosen.get_attribute("href")
    assert chosen.get_attribute("id") == field.get_attribute("aria-activedescendant")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + target)
    assert page.foreign_requests == []


def test_a_flashcard_is_found_and_leads_to_its_note(page, site_url):
    dialog = open_search(page, site_url)
    type_query(page, dialog, "hypotenuse", "1 result for “hypotenuse”")
    assert result_titles(dialog) == ["Vectors, arrows with numbers"]
    assert "hypotenuse" in dialog.locator(".search-result mark").first.text_content().lower()
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "/notes/vectors/")
    assert page.locator("details.card#card-vector-length").count() == 1


def test_ctrl_k_opens_escape_closes_and_focus_returns(page, site_url):
    page.goto(site_url + "/notes/svd/")
    page.locator(".search-open").focus()
    page.keyboard.press("Control+k")
    dialog = page.locator("dialog.search-dialog")
    dialog.wait_for(state="visible")
    assert page.evaluate("document.activeElement.classList.contains('search-input')")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('search-open')")


@pytest.mark.parametrize("width", [1280, 390])
def test_results_are_one_column_as_wide_as_the_dialog(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 860})
    page = context.new_page()
    dialog = open_search(page, site_url)
    type_query(page, dialog, "vector", "results for “vector”")
    assert_one_column(dialog)
    box, results = dialog.bounding_box(), dialog.locator(".search-results").bounding_box()
    assert results["width"] >= box["width"] - 2
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    context.close()


def test_one_escape_closes_with_text_typed_and_focus_goes_back(page, site_url):
    page.goto(site_url + "/notes/variance/")
    link = page.locator("main a").first
    link.focus()
    page.keyboard.press("/")
    dialog = page.locator("dialog.search-dialog")
    dialog.wait_for(state="visible")
    type_query(page, dialog, "variance", "results for “variance”")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden", timeout=1000)
    assert link.evaluate("el => el === document.activeElement")
    # Opened with nothing focused, focus lands on the search button, never on <body>.
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("/")
    dialog.wait_for(state="visible")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden", timeout=1000)
    assert page.evaluate("document.activeElement.classList.contains('search-open')")


def test_slash_inside_a_text_field_types_a_slash(page, site_url):
    dialog = open_search(page, site_url)
    page.keyboard.type("a/b")
    assert dialog.locator("input.search-input").input_value() == "a/b"


def test_filters_list_every_type_tag_topic_and_level_with_counts(page, site_url):
    dialog = open_search(page, site_url)
    dialog.locator("select[name=level]").wait_for()
    names = dialog.locator(".search-filter-name").all_text_contents()
    assert names == ["Type", "Area", "Topic", "Tag", "Level"]
    types = dialog.locator("select[name=type] option").all_text_contents()
    assert types == ["Any type", "Note (9)", "Page (1)"]
    levels = dialog.locator("select[name=level] option").all_text_contents()
    assert levels == ["Any level", "Advanced (1)", "Beginner (3)", "Intermediate (2)"]


def test_search_page_reads_the_query_from_the_address(page, site_url):
    page.goto(site_url + "/search/?q=variance&type=note")
    panel = page.locator(".search-page [data-search-panel]")
    panel.locator(".search-status", has_text="results for “variance”").wait_for()
    assert panel.locator("select[name=type]").input_value() == "note"
    titles = panel.locator(".search-result:not(.is-section) .search-result-title").all_text_contents()
    assert titles[:2] == ["Variance", "Variance again"] or titles[:2] == ["Variance again", "Variance"]
    assert page.foreign_requests == []


def test_a_site_opened_from_files_explains_instead_of_breaking(browser, discovery_build):
    context = browser.new_context()
    page = context.new_page()
    page.goto((discovery_build.output / "notes" / "svd" / "index.html").as_uri())
    notice = page.locator("[data-search-offline]")
    assert notice.is_hidden()
    page.locator(".search-open").click()
    notice.wait_for(state="visible")
    assert " ".join(notice.text_content().split()).startswith(
        "Search needs the site to be served over HTTP: a browser does not let a page opened from a file"
    )
    assert page.url.endswith("/notes/svd/index.html")  # not sent to a file that is not there
    assert page.locator("dialog.search-dialog").is_hidden()
    context.close()


def test_without_javascript_no_search_button_shows_and_the_search_page_explains(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/notes/svd/")
    assert page.locator(".search-open").is_hidden()
    page.goto(site_url + "/search/")
    assert "needs JavaScript" in page.locator(".search-page").inner_text()
    context.close()


@pytest.mark.screenshots
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("device", "width"), [("desktop", 1280), ("phone", 390)])
def test_screenshots(browser, site_url, screenshot, scheme, device, width):
    context = browser.new_context(viewport={"width": width, "height": 860}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "/notes/dot-product/")
    screenshot(page, f"discovery-note-{device}-{scheme}")
    page.keyboard.press("/")
    page.keyboard.type("vector")
    page.locator("dialog.search-dialog .search-status", has_text="results").wait_for()
    page.screenshot(path=str(screenshot(page, f"discovery-search-{device}-{scheme}")))
    page.keyboard.press("Escape")
    page.goto(site_url + "/series/linear-algebra-from-scratch/")
    screenshot(page, f"discovery-series-{device}-{scheme}")
    page.goto(site_url + "/search/?q=mean")
    page.locator(".search-page .search-status", has_text="results").wait_for()
    screenshot(page, f"discovery-search-page-{device}-{scheme}")
    context.close()
