"""The demo site (strict production build) uses every study tool without a single problem."""

from urllib.parse import urlsplit

import pytest


def test_rank_note_compares_three_resources(demo_build):
    page = demo_build.page("notes/rank-three-ways/index.html")
    [compare] = page.cssselect("section.compare")
    views = compare.cssselect("article.compare-view")
    assert [(v.get("data-style"), v.get("data-resource")) for v in views] == [
        ("visual", "essence-of-linear-algebra"), ("simple", "mml-imperial"), ("formal", "mml-book"),
    ]
    assert [v.cssselect("a.res-link")[0].get("href") for v in views] == [
        "https://studyfolio.example.org/resources/#res-essence-of-linear-algebra",
        "https://studyfolio.example.org/resources/#res-mml-imperial",
        "https://studyfolio.example.org/resources/#res-mml-book",
    ]
    assert compare.cssselect(".compare-synthesis p")[1].text_content().startswith("They are the same fact")
    assert len(page.cssselect("figure.explain")) == 2


def test_gradient_note_links_into_its_video_and_explains_its_formulas(demo_build):
    page = demo_build.page("notes/gradient-descent-from-scratch/index.html")
    stamps = [(a.text_content(), a.get("href")) for a in page.cssselect("a.timestamp")]
    assert stamps == [
        (t, f"https://www.youtube.com/watch?v=Wb8sLq2nTfU&t={s}")
        for t, s in (("03:10", 190), ("06:40", 400), ("14:05", 845), ("20:10", 1210))
    ]
    assert len(page.cssselect("figure.explain")) == 2
    assert page.cssselect(".ownwords-badge") == []  # readers see no score by default


def test_publish_build_writes_no_report_page(demo_build):
    assert not (demo_build.output / "ownwords").exists()


@pytest.mark.browser
@pytest.mark.parametrize("slug", ["rank-three-ways", "gradient-descent-from-scratch"])
@pytest.mark.parametrize(("size", "width"), [("desktop", 1280), ("phone", 390)])
def test_demo_notes_screenshots(page, demo_build, screenshot, slug, size, width):
    page.set_viewport_size({"width": width, "height": 900})

    def from_output(route):
        # The production build links to its absolute SITEURL: answer from the output folder.
        path = urlsplit(route.request.url).path.lstrip("/")
        file = demo_build.output / (path + "index.html" if path.endswith("/") or not path else path)
        if file.is_file():
            route.fulfill(path=str(file))
        else:
            route.fulfill(status=404, body="")

    page.route("https://studyfolio.example.org/**", from_output)
    page.goto(f"https://studyfolio.example.org/notes/{slug}/")
    assert page.locator("link[rel=stylesheet]").evaluate_all("links => links.map(l => l.href)") == [
        "https://studyfolio.example.org/theme/css/studyfolio.css"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"ownwords-demo-{slug}-{size}")
