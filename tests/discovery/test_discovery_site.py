"""The discovery fixture site built by Pelican: what a reader gets (links, "Linked from",
series, search) and what the learner is told about broken wikilinks."""

import gzip
import hashlib
import json
import shutil

import pytest
from discovery_helpers import SITE, pagefind_fragments

from sitebuild import build_site, report_md_lines
from studyfolio.discovery.pagefind_bundle import BundleLayoutError, stabilize
from studyfolio.discovery.search import SearchIndexError, index_site

NOTES = ["dot-product", "matrices", "mean-arithmetic", "mean-geometric", "mistakes", "svd",
         "variance", "variance-sample", "vectors"]  # fmt: skip


def test_every_broken_wikilink_and_series_problem_is_reported_once(discovery_build):
    assert report_md_lines(discovery_build.log) == [
        "content/notes/mistakes.md:6: Series-Part without Series",
        "content/notes/mistakes.md:8: ambiguous wikilink [[Mean]]: 2 notes have this title: content/notes/mean-arithmetic.md, content/notes/mean-geometric.md",
        "content/notes/mistakes.md:10: [[unfinished]] links to a draft (content/notes/unfinished.md)",
        "content/notes/mistakes.md:12: empty wikilink [[]]",
        "content/notes/mistakes.md:14: [[#Nowhere]]: this note has no heading 'Nowhere'",
        "content/notes/mistakes.md:14: [[matrices#Why rows meet colums]]: note 'matrices' has no heading 'Why rows meet colums'",
        "content/notes/variance-sample.md:9: [[variance#Not a heading]]: note 'variance' has no heading 'Not a heading'",
        "content/notes/variance-sample.md:9: unknown note in [[Varianse]]",
    ]
    assert "hint: did you mean 'Why rows meet columns'?" in discovery_build.log
    assert "Studyfolio found 8 error(s) and 0 warning(s)." in discovery_build.log


def links_in(page, selector=".note-body a.wikilink"):
    return [(a.get("href"), a.text_content()) for a in page.cssselect(selector)]


def test_wikilinks_become_links_to_notes_and_headings(discovery_build):
    page = discovery_build.page("notes/dot-product/index.html")
    assert links_in(page) == [
        ("/notes/vectors/", "Vectors, arrows with numbers"),
        ("/notes/matrices/#why-rows-meet-columns", "Matrix multiplication › Why rows meet columns"),
    ]
    about = discovery_build.page("about/index.html")
    assert links_in(about, ".prose a.wikilink") == [
        ("/notes/vectors/", "Vectors, arrows with numbers"),
        ("/notes/svd/#the-idea", "SVD"),
    ]
    broken = discovery_build.page("notes/mistakes/index.html")
    assert [s.text_content() for s in broken.cssselect(".wikilink-missing")] == ["Mean", "unfinished", "Nowhere"]


def test_linked_from_lists_notes_with_their_sentences(discovery_build):
    page = discovery_build.page("notes/vectors/index.html")
    section = page.cssselect("section.backlinks")[0]
    assert section.get("data-pagefind-ignore") is not None
    assert section.cssselect("h2")[0].text_content() == "Linked from 2"
    items = section.cssselect("li.backlink")
    assert [(i.cssselect(".backlink-title")[0].get("href"), i.cssselect(".backlink-title")[0].text_content()) for i in items] == [
        ("/notes/matrices/", "Matrix multiplication"),
        ("/notes/dot-product/", "The dot product"),
    ]
    assert [p.text_content() for p in section.cssselect(".backlink-context")] == [
        "Back to basics if the arrows are fuzzy.",
        "Multiply the numbers of Vectors, arrows with numbers pairwise and add the products.",
    ]
    assert [s.text_content() for s in section.cssselect(".backlink-context strong")] == [
        "basics", "Vectors, arrows with numbers",
    ]
    svd = discovery_build.page("notes/svd/index.html")
    assert [a.text_content() for a in svd.cssselect(".backlink-title")] == [
        "Matrix multiplication", "Variance",
    ]
    assert not discovery_build.page("notes/mean-geometric/index.html").cssselect(".backlinks")


def test_series_navigation_on_each_part(discovery_build):
    page = discovery_build.page("notes/dot-product/index.html")
    nav = page.cssselect("nav.series-nav")[0]
    assert nav.cssselect(".series-nav-eyebrow")[0].text_content() == "Series · part 2 of 3"
    assert nav.cssselect(".series-nav-title a")[0].get("href") == "/series/linear-algebra-from-scratch/"
    assert [li.text_content() for li in nav.cssselect(".series-parts li")] == [
        "Vectors, arrows with numbers", "The dot product", "Matrix multiplication",
    ]
    assert nav.cssselect("[aria-current=page]")[0].text_content() == "The dot product"
    assert nav.cssselect("a.series-prev")[0].get("href") == "/notes/vectors/"
    assert nav.cssselect("a.series-next")[0].get("href") == "/notes/matrices/"
    assert not discovery_build.page("notes/vectors/index.html").cssselect(".series-nav a.series-prev")
    assert not discovery_build.page("notes/svd/index.html").cssselect(".series-nav")


def test_series_pages(discovery_build):
    page = discovery_build.page("series/linear-algebra-from-scratch/index.html")
    assert page.findtext(".//title") == "Linear algebra from scratch · Series · Studyfolio"
    assert page.cssselect(".eyebrow")[0].text_content() == "Series · 3 parts · 3 min read"
    assert [(p.text_content(), a.get("href")) for p, a in zip(
        page.cssselect(".series-item-part"), page.cssselect(".series-item-title a"), strict=True)] == [
        ("Part 1", "/notes/vectors/"), ("Part 2", "/notes/dot-product/"), ("Part 3", "/notes/matrices/"),
    ]
    index = discovery_build.page("series/index.html")
    assert [a.get("href") for a in index.cssselect(".series-card h2 a")] == ["/series/linear-algebra-from-scratch/"]
    assert index.cssselect(".series-card-meta")[0].text_content() == "3 parts · 3 min read"


def test_search_index_covers_every_note_and_page_but_no_draft(discovery_build):
    fragments = pagefind_fragments(discovery_build.output)
    assert sorted(fragments) == sorted(["/about/"] + [f"/notes/{slug}/" for slug in NOTES])
    entry = json.loads(discovery_build.text("pagefind/pagefind-entry.json"))
    assert entry["languages"]["en"]["page_count"] == len(NOTES) + 1
    assert not any("unfinished" in url for url in fragments)


def test_search_index_holds_every_card_with_its_note(discovery_build):
    fragments = pagefind_fragments(discovery_build.output)
    cards = 0
    for slug in NOTES:
        page = discovery_build.page(f"notes/{slug}/index.html")
        fragment = fragments[f"/notes/{slug}/"]
        anchors = {a["id"] for a in fragment["anchors"]}
        for card in page.cssselect(".note-body details.card"):
            cards += 1
            question = card.cssselect("summary")[0].text_content()
            answer = card.cssselect("p")[0].text_content()
            assert question in fragment["content"], (slug, question)
            assert answer in fragment["content"], (slug, answer)
            assert card.get("id") in anchors
    assert cards == 3


def test_search_filters_per_note(discovery_build):
    fragment = pagefind_fragments(discovery_build.output)["/notes/dot-product/"]
    assert fragment["filters"] == {
        "area": ["Linear algebra"], "level": ["Beginner"], "tag": ["dot product", "vectors"],
        "topic": ["dot-product"], "type": ["note"],
    }
    assert fragment["meta"]["title"] == "The dot product"
    content = fragment["content"]
    assert "Linked from" not in content and "Series" not in content and "min read" not in content
    svd = pagefind_fragments(discovery_build.output)["/notes/svd/"]["content"]
    assert "as U \\Sigma V^T: rotate" in svd and "UΣVT" not in svd  # a formula as its TeX, once


def test_every_page_has_the_search_box_and_the_search_page_works_without_a_build_step(discovery_build):
    page = discovery_build.page("notes/svd/index.html")
    opener = page.cssselect("header .search-open")[0]
    assert opener.get("href") == "/search/"
    assert opener.get("aria-keyshortcuts") == "/ Control+K"
    dialog = page.cssselect("dialog.search-dialog")[0]
    panel = dialog.cssselect("[data-search-panel]")[0]
    assert panel.get("data-bundle") == "/pagefind/"
    assert dialog.cssselect("input[role=combobox]")[0].get("aria-controls") == "search-results-dialog"
    assert [s.get("src") for s in page.cssselect("script[src]")] == ["/theme/js/site.js"]
    search = discovery_build.page("search/index.html")
    assert search.cssselect("h1")[0].text_content() == "Search"
    assert "needs JavaScript" in search.cssselect("noscript")[0].text_content()
    for asset in ("theme/js/site.js", "theme/css/studyfolio.css", "pagefind/pagefind.js"):
        assert (discovery_build.output / asset).is_file(), asset
    assert "function Panel(root)" in (discovery_build.output / "theme/js/site.js").read_text()


def test_writing_builds_carry_no_reload_script(discovery_build):
    for path in discovery_build.output.rglob("*.html"):
        assert "_studyfolio" not in path.read_text(encoding="utf-8"), path


def test_publish_output_contains_no_reload_script(demo_build):
    pages = list(demo_build.output.rglob("*.html"))
    assert pages
    for path in pages:
        tree = demo_build.page(str(path.relative_to(demo_build.output)))
        sources = [s.get("src") or "" for s in tree.iter("script")]
        assert not [s for s in sources if "livereload" in s or "_studyfolio" in s], path
        assert "_studyfolio" not in path.read_text(encoding="utf-8"), path
    assert not [p for p in demo_build.output.rglob("*livereload*")]
    assert (demo_build.output / "pagefind" / "pagefind.js").is_file()


def digests(folder):
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.timeout(120)
def test_the_same_sources_give_byte_identical_output_search_index_included(discovery_build, tmp_path):
    # Pagefind itself writes its filter index in hash-map order; pagefind_bundle.py sorts it.
    again = build_site(SITE / "siteconf.py", tmp_path / "output", cwd=SITE)
    assert again.returncode == 0, again.log
    first, second = digests(discovery_build.output), digests(again.output)
    assert len([name for name in first if name.startswith("pagefind/filter/")]) == 5
    assert second == first


def test_a_bundle_laid_out_differently_is_refused_not_garbled(discovery_build, tmp_path):
    bundle = shutil.copytree(discovery_build.output / "pagefind", tmp_path / "pagefind")
    meta = next(bundle.glob("*.pf_meta"))
    meta.write_bytes(gzip.compress(b"something else"))
    with pytest.raises(BundleLayoutError, match=f"^{meta.name} does not start with Pagefind's signature$"):
        stabilize(str(bundle))


def test_a_site_without_pages_to_index_is_a_clear_error(tmp_path):
    with pytest.raises(SearchIndexError) as error:
        index_site(str(tmp_path))
    assert str(error.value) == (
        "search index not built: pagefind failed: Most likely, the directory passed to Pagefind "
        "was empty or did not contain any html files."
    )
    assert not (tmp_path / "pagefind").exists() and not (tmp_path / ".pagefind-staging").exists()
