"""The edge-case fixture site: what a reader sees, and what the learner is told."""


import pytest

from sitebuild import report_md_lines

MATH = "{http://www.w3.org/1998/Math/MathML}math"




def test_build_succeeds_and_reports_every_problem_once(fixture_build):
    assert fixture_build.returncode == 0, fixture_build.log
    assert report_md_lines(fixture_build.log) == [
        "content/notes/broken-math.md:6: unknown Level 'Expert'",
        "content/notes/broken-math.md:10: invalid TeX in $\\frac{a}{b$: unbalanced braces: 1 '{' not closed",
        "content/notes/broken-math.md:12: invalid TeX in $\\foo x$: unknown command \\foo",
        "content/notes/broken-math.md:14: invalid TeX in $$x^$$: ^ or _ is not followed by anything",
    ]
    assert "Studyfolio found 4 error(s) and 0 warning(s)." in fixture_build.log


def test_article_header_shows_metadata(fixture_build):
    page = fixture_build.page("notes/edge-cases/index.html")
    assert page.findtext(".//title") == "Edge cases: «ünïcode», $x^2$ & friends · Studyfolio"
    header = page.find_class("note-header")[0]
    assert header.findtext("h1") == "Edge cases: «ünïcode», $x^2$ & friends"
    times = header.findall(".//time")
    assert [t.get("datetime") for t in times] == ["2026-10-01T10:00:00+00:00", "2026-10-05T08:30:00+00:00"]
    assert header.find_class("badge")[0].text_content() == "Intermediate"
    assert header.find_class("audience")[0].text_content() == "For: the test suite"
    assert "1 min read" in header.text_content()
    assert [a.text_content() for a in header.find_class("tag")] == ["#edge", "#unicode"]
    assert [t.text_content() for t in header.find_class("topic")] == ["variance", "mean-median-mode"]


def test_math_renders_as_mathml_and_code_is_untouched(fixture_build):
    page = fixture_build.page("notes/edge-cases/index.html")
    body = page.find_class("note-body")[0]
    maths = body.findall(".//" + MATH) or body.findall(".//math")
    assert len(maths) == 5  # heading, two inline, two display
    assert sorted(m.get("display") for m in maths) == ["block", "block", "inline", "inline", "inline"]
    assert "$not math$" in body.text_content()
    assert 'price = "$5"' in body.text_content()
    assert "Prices like $5 and $10 stay text." in body.text_content()


def test_broken_math_is_visible_on_the_page_not_garbage(fixture_build):
    body = fixture_build.page("notes/broken-math/index.html").find_class("note-body")[0]
    errors = body.find_class("math-error")
    assert [e.text_content() for e in errors] == ["$\\frac{a}{b$", "$\\foo x$", "$$x^$$"]


def test_draft_is_not_listed(fixture_build):
    index = fixture_build.page("index.html")
    titles = [a.text_content() for a in index.cssselect(".note-card-title a")]
    assert titles == ["A note with mistakes", "Edge cases: «ünïcode», $x^2$ & friends"]
    assert (fixture_build.output / "drafts" / "draft-note.html").exists()


@pytest.mark.parametrize(
    "path",
    ["index.html", "archives/index.html", "tags/index.html", "topics/index.html",
     "tags/edge/index.html", "topics/statistics/index.html", "about/index.html"],
)
def test_every_listing_page_has_landmarks_and_skip_link(fixture_build, path):
    page = fixture_build.page(path)
    assert page.find(".//main[@id='main']") is not None
    assert page.find(".//header") is not None and page.find(".//footer") is not None
    assert page.find(".//nav[@aria-label='Main']") is not None
    assert page.cssselect("a.skip-link")[0].get("href") == "#main"
    assert page.get("lang") == "en"


def test_notes_link_to_their_older_and_newer_neighbours(fixture_build):
    newer = fixture_build.page("notes/broken-math/index.html")
    older = fixture_build.page("notes/edge-cases/index.html")
    assert [(a.get("rel"), a.get("href")) for a in newer.cssselect(".note-nav a")] == [
        ("prev", "/notes/edge-cases/")
    ]
    assert [(a.get("rel"), a.get("href")) for a in older.cssselect(".note-nav a")] == [
        ("next", "/notes/broken-math/")
    ]


def test_menu_pages_exist_and_say_how_to_start_on_a_site_without_them(fixture_build):
    for path, start in (("resources/index.html", "No resources yet."), ("roadmaps/index.html", "No roadmap yet.")):
        [empty] = fixture_build.page(path).cssselect(".empty-state")
        assert empty.text_content().startswith(start)
    menu = [a.get("href") for a in fixture_build.page("index.html").cssselect("nav[aria-label=Main] ul a")]
    for href in menu:
        assert (fixture_build.output / href.strip("/") / "index.html").exists(), href
