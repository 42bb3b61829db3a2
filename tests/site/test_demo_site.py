"""The demo site as a reader gets it from `make publish`: notes, metadata, math, feeds, sitemap."""

from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITEURL = "https://studyfolio.example.org"


def note_pages(build):
    return sorted(p.relative_to(build.output).as_posix() for p in (build.output / "notes").glob("*/index.html"))


def test_demo_has_at_least_ten_notes_across_three_areas(demo_build):
    pages = note_pages(demo_build)
    assert len(pages) >= 10
    areas = {demo_build.page(p).cssselect(".note-category a")[0].text_content() for p in pages}
    assert {"Statistics", "Linear algebra", "Calculus"} <= areas


def test_every_note_has_the_learner_metadata_and_math(demo_build):
    for path in note_pages(demo_build):
        page = demo_build.page(path)
        header = page.cssselect(".note-header")[0]
        assert header.cssselect("h1")[0].text_content().strip(), path
        assert header.cssselect(".badge")[0].text_content() in {"Beginner", "Intermediate", "Advanced"}, path
        assert header.cssselect(".audience")[0].text_content().startswith("For: "), path
        assert header.cssselect(".topic"), path
        assert " min read" in header.text_content(), path
        body = page.cssselect(".note-body")[0]
        assert body.xpath(".//*[local-name()='math']"), f"{path} has no formula"
        assert not body.cssselect(".math-error"), path
        assert page.cssselect("meta[name=description]")[0].get("content").strip(), path


def test_a_numpy_from_scratch_example_is_highlighted(demo_build):
    page = demo_build.page("notes/gradient-descent-from-scratch/index.html")
    code = page.cssselect(".note-body .highlight pre")[0].text_content()
    assert "import numpy as np" in code
    assert page.cssselect(".note-body .highlight pre span.kn")  # Pygments marked the keyword


def test_atom_feed_lists_every_note_with_absolute_links(demo_build):
    feed = etree.fromstring((demo_build.output / "feeds" / "all.atom.xml").read_bytes())
    entries = feed.findall(ATOM + "entry")
    assert len(entries) == len(note_pages(demo_build))
    for entry in entries:
        assert entry.find(ATOM + "link").get("href").startswith(SITEURL + "/notes/")
        assert entry.findtext(ATOM + "title")


def test_sitemap_lists_notes_and_pages_with_absolute_urls(demo_build):
    sitemap = etree.fromstring((demo_build.output / "sitemap.xml").read_bytes())
    locations = [url.findtext(SITEMAP + "loc") for url in sitemap.findall(SITEMAP + "url")]
    assert all(loc.startswith(SITEURL + "/") for loc in locations)
    for path in note_pages(demo_build):
        assert f"{SITEURL}/{path.removesuffix('index.html')}" in locations
    assert f"{SITEURL}/about/" in locations
    assert f"{SITEURL}/404.html" not in locations
    assert len(locations) == len(set(locations))


def test_sitemap_lists_every_page_the_plugins_write(demo_build):
    sitemap = etree.fromstring((demo_build.output / "sitemap.xml").read_bytes())
    locations = {url.findtext(SITEMAP + "loc") for url in sitemap.findall(SITEMAP + "url")}
    written = {
        f"{SITEURL}/{path.parent.relative_to(demo_build.output).as_posix()}/"
        for folder in ("cards", "roadmaps", "resources", "series")
        for path in (demo_build.output / folder).rglob("index.html")
    }
    assert {f"{SITEURL}/cards/", f"{SITEURL}/roadmaps/", f"{SITEURL}/resources/"} <= written
    assert any("/cards/tags/" in url for url in written) and any("/cards/notes/" in url for url in written)
    assert written <= locations


def test_about_page_explains_the_study_method(demo_build):
    text = demo_build.page("about/index.html").cssselect(".prose")[0].text_content().lower()
    for idea in ("own words", "plain english", "spaced repetition"):
        assert idea in text


def test_404_page_exists_and_links_home(demo_build):
    page = demo_build.page("404.html")
    assert page.cssselect("a.button")[0].get("href") == SITEURL + "/"


def test_no_page_loads_anything_from_another_host(demo_build):
    for html_file in demo_build.output.rglob("*.html"):
        page = demo_build.page(html_file.relative_to(demo_build.output).as_posix())
        for element in page.xpath("//script[@src] | //link[@href] | //img[@src] | //iframe[@src]"):
            url = element.get("src") or element.get("href")
            if element.tag == "link" and element.get("rel") in {"alternate", "canonical"}:
                continue
            assert url.startswith(SITEURL + "/") or url.startswith("/"), f"{html_file}: {url}"
