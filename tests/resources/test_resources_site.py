"""The fixture site's resources: links in notes, the per-note list, /resources/ and mentions."""

import shutil
import time

import pytest

from sitebuild import ROOT, build_site, report_lines


def test_unknown_resource_in_a_note_is_reported_with_its_line(studypath_build):
    assert studypath_build.returncode == 0, studypath_build.log
    lines = report_lines(studypath_build.log)
    assert "content/notes/b-bad.md:6: unknown resource 'res:numpi'" in lines
    assert "hint: did you mean 'numpy'?" in studypath_build.log


def test_links_in_a_note_are_typed_and_point_at_the_resources_page(studypath_build):
    body = studypath_build.page("notes/a-vectors/index.html").find_class("note-body")[0]
    links = body.cssselect("a.res-link")
    assert [(a.get("href"), a.get("title"), a.get("class")) for a in links] == [
        ("/resources/#res-isl", "An Introduction to Statistical Learning", "res-link res-book"),
        ("/resources/#res-numpy", "NumPy", "res-link res-tool"),
        ("/resources/#res-isl", "An Introduction to Statistical Learning", "res-link res-book"),
    ]
    assert [a.find_class("res-kind")[0].text for a in links] == ["book", "tool", "book"]


def test_each_note_lists_the_resources_it_mentions_once_in_order(studypath_build):
    page = studypath_build.page("notes/a-vectors/index.html")
    [section] = page.find_class("note-resources")
    assert section.findtext("h2") == "Resources mentioned"
    items = section.cssselect("li")
    assert [li.cssselect("a.res-link")[0].get("data-res") for li in items] == ["isl", "numpy"]
    assert [li.cssselect("a.res-open")[0].get("href") for li in items] == [
        "https://www.statlearning.com/", "https://numpy.org/"]
    assert not studypath_build.page("notes/b-bad/index.html").find_class("note-resources")


def test_resources_page_groups_by_kind_with_anchors_and_external_links(studypath_build):
    page = studypath_build.page("resources/index.html")
    assert [h.text_content() for h in page.cssselect(".res-group h2")] == ["Books", "Channels", "Tools"]
    entries = page.cssselect("li.res-entry")
    assert [e.get("id") for e in entries] == ["res-isl", "res-statquest", "res-numpy"]
    isl = page.get_element_by_id("res-isl")
    assert isl.cssselect("a.res-url")[0].get("href") == "https://www.statlearning.com/"
    assert isl.find_class("res-authors")[0].text_content() == "by Gareth James, Daniela Witten"
    assert isl.find_class("res-free")[0].text_content() == "free"


def test_mentioned_in_lists_every_note_and_roadmap_topic_that_cites_it(studypath_build):
    page = studypath_build.page("resources/index.html")

    def mentions(resource_id):
        entry = page.get_element_by_id(f"res-{resource_id}")
        return [(li.get("class"), [a.get("href") for a in li.findall("a")]) for li in entry.cssselect(".res-mentions li")]

    assert mentions("isl") == [
        ("mention-note", ["/notes/c-matrices/"]),
        ("mention-note", ["/notes/a-vectors/"]),
        ("mention-roadmap", ["/roadmaps/basics/#topic-matrices"]),
    ]
    assert mentions("numpy") == [
        ("mention-note", ["/notes/a-vectors/"]),
        ("mention-roadmap", ["/roadmaps/basics/#topic-matrices", "/roadmaps/basics/#topic-vectors"]),
    ]
    assert mentions("statquest") == []
    assert page.get_element_by_id("res-statquest").find_class("res-none")[0].text == "Not cited yet."


@pytest.fixture(scope="module")
def rebuilt_after_registry_edit(tmp_path_factory):
    """The fixture site built with the content cache, then again after resources.yml changed."""
    site = tmp_path_factory.mktemp("cached") / "studypath"
    shutil.copytree(ROOT / "tests" / "fixtures" / "studypath", site)
    (site / "studypathconf.py").write_text(
        (site / "studypathconf.py").read_text()
        .replace('os.path.join(HERE, "..", "..", "..")', repr(str(ROOT)))
        .replace("LOAD_CONTENT_CACHE = False", "LOAD_CONTENT_CACHE = True")
    )
    output = site / "output"
    first = build_site(site / "studypathconf.py", output, cwd=site, extra={"CACHE_PATH": str(site / "cache")})
    time.sleep(0.05)
    registry = site / "content" / "resources.yml"
    registry.write_text(registry.read_text().replace("title: NumPy", "title: NumPy, renamed"))
    second = build_site(site / "studypathconf.py", output, cwd=site, extra={"CACHE_PATH": str(site / "cache")})
    return first, second


def test_a_registry_edit_shows_in_cached_notes(rebuilt_after_registry_edit):
    first, second = rebuilt_after_registry_edit
    assert first.returncode == 0 and second.returncode == 0, second.log
    link = second.page("notes/a-vectors/index.html").cssselect('.note-body a[data-res="numpy"]')[0]
    assert link.get("title") == "NumPy, renamed"
