"""Finding one's way on the demo site in a real browser: topic chips lead to their roadmap topic,
categories read "Areas", long notes have "On this page" (sticky beside the note on a desktop,
folded above it on a phone), and a missing address offers a search and the notes it may mean."""

import re

import pytest

pytestmark = pytest.mark.browser

LONG_NOTE = "/notes/svd-and-pca/"  # eight h2/h3 headings
MISSING = "/notes/eigen-vectors-intro/"
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture(scope="module")
def demo_url(demo_writing_build, serve):
    return serve(demo_writing_build.output, not_found="404.html")


@pytest.fixture(scope="module")
def fixture_url(fixture_build, serve):
    return serve(fixture_build.output)


def body_headings(page) -> list[str]:
    return page.locator(".note-body").evaluate(
        "body => [...body.querySelectorAll('h2, h3')].map(h => h.firstChild.textContent.trim())")


def test_a_topic_chip_is_a_link_that_lands_on_its_topic_on_the_roadmap(page, demo_url):
    page.goto(demo_url + LONG_NOTE)
    chips = page.locator(".note-topics a.topic")
    assert chips.all_inner_texts() == [
        "Singular value decomposition", "Principal component analysis", "Eigenvectors", "Covariance"]
    assert page.locator(".note-topics span.topic").count() == 0
    chips.first.click()
    page.wait_for_url(re.compile(r"/roadmaps/math-for-ml/#topic-svd$"))
    topic = page.locator("#topic-svd")
    assert topic.locator("h4").inner_text() == "Singular value decomposition"
    assert topic.locator("details").evaluate("d => d.open")  # the topic opens on arrival
    box = topic.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]
    assert page.foreign_requests == []


def test_categories_are_areas_in_the_menu_the_titles_and_the_headings(page, demo_url):
    page.goto(demo_url + "/topics/")
    menu_item = page.locator(".site-nav a[aria-current]")
    assert (menu_item.inner_text(), menu_item.get_attribute("href")) == ("Areas", "/topics/")
    assert page.title() == "Areas · Studyfolio"
    assert page.locator("main h1").inner_text() == "Areas"
    page.get_by_role("link", name="Linear algebra", exact=True).click()
    page.wait_for_url("**/topics/linear-algebra/")
    assert page.title() == "Linear algebra · Areas · Studyfolio"
    assert page.locator("main .eyebrow").inner_text().casefold() == "areas"
    assert page.locator(".site-nav a[aria-current]").inner_text() == "Areas"
    assert "Topic" not in page.locator("main").inner_text().split("\n")[0]


def test_tags_read_as_hash_tags_on_notes_resources_and_in_the_search_filter(page, demo_url):
    page.goto(demo_url + LONG_NOTE)
    assert all(t.startswith("#") for t in page.locator(".note-header .tag").all_inner_texts())
    page.goto(demo_url + "/resources/")
    tags = page.locator(".res-tags .tag-text").all_inner_texts()
    assert tags and all(t.startswith("#") and " " not in t for t in tags)
    page.goto(demo_url + "/search/")
    options = page.locator("select[name=tag] option")
    options.nth(1).wait_for(state="attached")
    assert [o for o in options.all_inner_texts()[1:] if not o.startswith("#")] == []


def test_a_long_note_keeps_on_this_page_in_view_beside_the_text_on_a_desktop(page, demo_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(demo_url + LONG_NOTE)
    side = page.locator("nav.note-toc-side")
    assert side.is_visible() and page.locator("details.note-toc-fold").is_hidden()
    links = side.locator("a")
    assert [" ".join(t.split()) for t in links.all_inner_texts()] == body_headings(page)
    assert all(page.locator(a.get_attribute("href")).count() == 1 for a in links.all())
    text = page.locator(".note-body").bounding_box()
    toc = side.locator(".note-toc-sticky").bounding_box()
    assert toc["x"] >= text["x"] + text["width"] + 24  # in the right margin, clear of the text
    frame_right = page.locator(".header-row").evaluate(
        "el => el.getBoundingClientRect().right - parseFloat(getComputedStyle(el).paddingRight)")
    assert toc["x"] + toc["width"] <= frame_right + 0.5  # inside the frame the header spans
    for scrolled in (1500, 4000):
        page.evaluate(f"window.scrollTo(0, {scrolled})")
        page.wait_for_function(f"window.scrollY >= {scrolled}")
        top = side.locator(".note-toc-sticky").bounding_box()["y"]
        assert 0 <= top <= 40, (scrolled, top)
    links.nth(3).click()
    page.wait_for_url(re.compile("#why-svd"))
    page.wait_for_function("document.querySelector('.note-toc-side a[aria-current]')"
                           "?.getAttribute('href') === '#why-svd-and-eigenvectors-give-the-same-answer'")
    assert side.locator("a[aria-current]").count() == 1
    assert page.evaluate(OVERFLOW) <= 0


def test_on_a_phone_on_this_page_is_folded_above_the_note_and_nothing_scrolls_sideways(phone, demo_url):
    phone.goto(demo_url + LONG_NOTE)
    fold = phone.locator("details.note-toc-fold")
    assert fold.is_visible() and phone.locator("nav.note-toc-side").is_hidden()
    assert not fold.evaluate("d => d.open")
    assert fold.bounding_box()["y"] < phone.locator(".note-body").bounding_box()["y"]
    assert fold.locator("summary").inner_text() == "On this page 8 sections"
    fold.locator("summary").click()
    links = fold.locator("a")
    assert [" ".join(t.split()) for t in links.all_inner_texts()] == body_headings(phone)
    for link in links.all():
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, link.inner_text()
    assert phone.evaluate(OVERFLOW) <= 0
    links.last.click()
    phone.wait_for_url(re.compile("#what-i-would-tell-my-past-self"))
    assert phone.evaluate(OVERFLOW) <= 0


def test_a_short_note_has_no_on_this_page(page, fixture_url):
    page.goto(fixture_url + "/notes/edge-cases/")
    assert page.locator(".note-body h2, .note-body h3").count() == 1
    assert page.locator(".note-toc").count() == 0


def test_a_missing_address_prefills_the_search_and_offers_the_notes_it_may_mean(page, demo_url):
    response = page.goto(demo_url + MISSING)
    assert response.status == 404
    assert page.locator("main h1").inner_text() == "This page is not here"
    query = page.get_by_label("Search the notes", exact=True).last
    assert query.input_value() == "eigen vectors intro"
    guesses = page.locator("[data-did-you-mean] a")
    guesses.first.wait_for()
    assert page.get_by_role("heading", name="Did you mean?").is_visible()
    hrefs = [a.get_attribute("href") for a in guesses.all()]
    assert hrefs[0] == "/notes/eigenvalues-and-eigenvectors/" and len(hrefs) <= 3
    assert page.get_by_role("link", name="Back to the home page").get_attribute("href") == "/"
    assert page.evaluate(OVERFLOW) <= 0
    guesses.first.click()
    page.wait_for_url("**/notes/eigenvalues-and-eigenvectors/")
    assert page.locator("main h1").inner_text().startswith("Eigenvectors")
    assert page.foreign_requests == []


def test_the_404_search_opens_the_search_page_with_the_words(phone, demo_url):
    phone.goto(demo_url + "/notes/gradient_desent.html")
    query = phone.locator("[data-not-found-query]")
    assert query.input_value() == "gradient desent"
    assert phone.locator("[data-did-you-mean] a").first.get_attribute("href") == "/notes/gradient-descent-from-scratch/"
    assert phone.evaluate(OVERFLOW) <= 0
    phone.locator(".not-found-search button").click()
    phone.wait_for_url("**/search/?q=gradient+desent")
    # the search page takes the words once its index has loaded, and searches them
    phone.wait_for_function("document.querySelector('#search-input-page').value === 'gradient desent'")
    phone.locator(".search-panel-page .search-status", has_text="for “gradient desent”").wait_for()


def test_an_address_like_no_note_offers_no_guesses_but_still_the_search(page, demo_url):
    page.goto(demo_url + "/zzqx/")
    assert page.locator("[data-not-found-query]").input_value() == "zzqx"
    assert page.locator("[data-did-you-mean]").is_hidden()


@pytest.mark.parametrize("width", [1280, 860, 390])
def test_the_home_page_fills_every_row_of_its_grid(page, demo_url, width):
    """A full page of notes leaves no lone card on its last row, at 3, 2 or 1 columns."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo_url + "/")
    rows = page.evaluate("""() => {
      const rows = {};
      for (const card of document.querySelectorAll('main .note-grid > *')) {
        const y = Math.round(card.getBoundingClientRect().y);
        rows[y] = (rows[y] || 0) + 1;
      }
      return Object.values(rows);
    }""")
    assert len(rows) >= 1 and len(set(rows)) == 1, rows
