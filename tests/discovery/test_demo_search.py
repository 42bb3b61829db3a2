"""The demo site's search index (production build): every note, every flashcard, every roadmap
and the resources page, each under its type."""

import html

import pytest
from discovery_helpers import assert_one_column, pagefind_fragments

from sitebuild import ROOT, build_site
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


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory, serve):
    """The demo built with the writing settings (root-relative URLs), served on 127.0.0.1."""
    output = tmp_path_factory.mktemp("demo-writing") / "output"
    build = build_site(ROOT / "pelicanconf.py", output, content=ROOT / "content")
    assert build.returncode == 0, build.log
    return serve(output)


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
