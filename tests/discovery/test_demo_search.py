"""The demo site's search index (production build): every note, every flashcard, every roadmap
and the resources page, each under its type."""

import html
import re

import pytest
from discovery_helpers import assert_one_column, pagefind_fragments

from studyfolio.discovery.fragments import is_math, squash


def plain_runs(element) -> list[str]:
    """The runs of text in `element` outside formulas, as a reader would type them."""
    runs = []

    def visit(node):
        if is_math(node):
            return
        if node.text:
            runs.append(squash(node.text))
        for child in node:
            visit(child)
            if child.tail:
                runs.append(squash(child.tail))

    visit(element)
    return [run for run in runs if len(run) > 1]


def note_urls(build) -> list[str]:
    return sorted(
        "/notes/" + path.parent.name + "/"
        for path in (build.output / "notes").glob("*/index.html")
    )


def test_every_note_roadmap_and_the_resources_page_is_indexed_under_its_type(demo_build):
    fragments = pagefind_fragments(demo_build.output)
    notes = note_urls(demo_build)
    assert len(notes) >= 10
    by_type: dict[str, list[str]] = {}
    for fragment in fragments.values():
        by_type.setdefault(fragment["filters"]["type"][0], []).append(fragment["url"].replace(
            "https://studyfolio.example.org", ""))
    assert sorted(by_type["note"]) == notes
    roadmaps = sorted(
        "/roadmaps/" + p.parent.name + "/" for p in (demo_build.output / "roadmaps").glob("*/index.html")
    )
    assert roadmaps and sorted(by_type["roadmap"]) == roadmaps
    assert by_type["resource"] == ["/resources/"]


def test_every_flashcard_is_searchable_in_its_note(demo_build):
    fragments = {url.replace("https://studyfolio.example.org", ""): f for url, f in pagefind_fragments(demo_build.output).items()}
    cards = 0
    for url in note_urls(demo_build):
        page = demo_build.page(url.strip("/") + "/index.html")
        content = squash(html.unescape(fragments[url]["content"]))
        anchors = {a["id"] for a in fragments[url]["anchors"]}
        for card in page.cssselect(".note-body details.card"):
            cards += 1
            assert card.get("id") in anchors, (url, card.get("id"))
            question = card.cssselect(".card-question")[0]
            answer = card.cssselect(".card-answer")[0]
            runs = plain_runs(question) + plain_runs(answer)
            assert runs, (url, card.get("id"))
            for run in runs:
                assert run in content, (url, card.get("id"), run)
    assert cards >= 50
    print(f"{cards} cards searchable")


WORD = re.compile(r"[^\W_]+")


def indexed_content(build) -> dict[str, str]:
    """Pagefind's text of each indexed page, by root-relative URL, entities decoded."""
    return {
        url.replace("https://studyfolio.example.org", ""): html.unescape(fragment["content"])
        for url, fragment in pagefind_fragments(build.output).items()
    }


def test_formulas_are_indexed_as_their_tex(demo_build):
    content = indexed_content(demo_build)["/notes/variance-and-standard-deviation/"]
    assert r"s^2 = \frac{1}{n - 1} \sum_{i=1}^{n} (x_i - \bar{x})^2" in content
    assert "the mean, x_i - \\bar{x}. That always gives zero" in content
    assert "1n−1" not in content and "x¯" not in content  # MathML characters run together


def test_no_indexed_word_is_two_words_run_together(demo_build):
    """Every word Pagefind indexed is a word of the page's text: adjacent elements stay apart."""
    for url, content in indexed_content(demo_build).items():
        page = demo_build.page(url.strip("/") + "/index.html")
        words = {word for text in page.xpath("//text()") for word in WORD.findall(text)}
        assert sorted(set(WORD.findall(content)) - words) == [], url


def test_buttons_progress_and_source_video_lines_are_not_indexed(demo_build):
    content = indexed_content(demo_build)
    roadmap = content["/roadmaps/math-for-ml/"]
    for interface in ("Done Learning Skipped", "Cards reviewed", "Topics with notes", "Export progress",
                      "Marked by you", "Show at full size"):
        assert interface not in roadmap, interface
    video_notes = [url for url in content if demo_build.page(url.strip("/") + "/index.html").cssselect(".note-video")]
    assert len(video_notes) >= 3
    for url in video_notes:
        assert "Source video" not in content[url] and "youtube.com" not in content[url], url
    assert "Essence of Linear Algebra\" series" in content["/notes/rank-three-ways/"]  # no "video" badge


@pytest.mark.browser
def test_the_note_that_explains_svd_comes_first(page, demo_site):
    page.goto(demo_site + "/")
    page.keyboard.press("Control+k")
    page.keyboard.type("svd")
    dialog = page.locator("dialog.search-dialog")
    dialog.locator(".search-status", has_text="for “svd”").wait_for()
    first = dialog.locator(".search-result:not(.is-section)").first
    assert first.locator(".search-result-title").text_content() == "SVD and PCA: squeezing fifty columns into a handful"
    assert_one_column(dialog)
    page.keyboard.press("Enter")
    page.wait_for_url(demo_site + "/notes/svd-and-pca/")
    assert page.foreign_requests == []


@pytest.mark.browser
def test_a_formula_reads_as_tex_in_the_result_excerpt(page, demo_site):
    page.goto(demo_site + "/search/?q=sample+variance")
    excerpt = page.locator(".search-result-excerpt", has_text="the sample variance").first
    excerpt.wait_for()
    assert "s^2: the sample variance" in excerpt.text_content()


@pytest.mark.screenshots
@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("device", "width"), [("desktop", 1280), ("phone", 390)])
def test_demo_screenshots(browser, demo_site, screenshot, scheme, device, width):
    context = browser.new_context(viewport={"width": width, "height": 860}, color_scheme=scheme)
    page = context.new_page()
    page.goto(demo_site + "/notes/rank-three-ways/")
    page.locator(".series-nav").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot(page, f"discovery-demo-note-links-{device}-{scheme}")))
    page.goto(demo_site + "/series/linear-algebra-one-idea-at-a-time/")
    screenshot(page, f"discovery-demo-series-{device}-{scheme}")
    page.goto(demo_site + "/series/")
    screenshot(page, f"discovery-demo-series-index-{device}-{scheme}")
    page.keyboard.press("/")
    page.keyboard.type("eigenvector")
    page.locator("dialog.search-dialog .search-status", has_text="results").wait_for()
    page.screenshot(path=str(screenshot(page, f"discovery-demo-search-{device}-{scheme}")))
    context.close()
