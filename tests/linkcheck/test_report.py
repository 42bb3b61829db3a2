"""Where a link is reported (its note and line) and how: lines, condensing, JSON lines, JUnit."""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree

from studyfolio.linkcheck.command import QUIET
from studyfolio.linkcheck.locate import SourceMap
from studyfolio.linkcheck.records import Link, Result, Status, Verdict
from studyfolio.linkcheck.report import (
    condense,
    diagnostics,
    summary,
    write_json_lines,
    write_junit,
)
from studyfolio.linkcheck.site import place

NOTE = """Title: Links
Summary: see [the mean](/notes/mean/#average).

The [mean section](/notes/mean/#average-value) is longer than the summary's link.
A [file link]({filename}mean.md) becomes /notes/mean/ in the page.
<a href="https://example.org/raw">raw HTML</a> and <https://example.org/auto>.

[ref]: https://example.org/by-reference
"""


def source_map(tmp_path) -> SourceMap:
    (tmp_path / "content" / "notes").mkdir(parents=True)
    (tmp_path / "content" / "notes" / "links.md").write_text(NOTE)
    return SourceMap(root=str(tmp_path), pages={"notes/links/index.html": "content/notes/links.md"})


def test_links_are_found_on_their_line_not_as_prefix_of_another(tmp_path):
    sources = source_map(tmp_path)
    page = "notes/links/index.html"
    assert sources.locate(page, "/notes/mean/#average") == ("content/notes/links.md", 2)
    assert sources.locate(page, "/notes/mean/#average-value") == ("content/notes/links.md", 4)
    assert sources.locate(page, "https://example.org/raw") == ("content/notes/links.md", 6)
    assert sources.locate(page, "https://example.org/auto") == ("content/notes/links.md", 6)
    assert sources.locate(page, "https://example.org/by-reference") == ("content/notes/links.md", 8)
    assert sources.locate(page, "/notes/mean/", "file link") == ("content/notes/links.md", 5)
    assert sources.locate(page, "/tags/", "Tags") is None
    assert sources.locate("index.html", "/notes/mean/#average") is None


def link(url, path, line, page, in_source=False, target=None):
    return Link(url, target or "http://site.invalid" + url, page, path, line, "", in_source)


BROKEN = Verdict(Status.BROKEN, "no page or file at /gone/")


def test_condense_reports_theme_links_once_and_note_links_at_the_note():
    results = [
        Result(link("/gone/", "output/b/index.html", 9, "b/index.html"), BROKEN),
        Result(link("/gone/", "output/a/index.html", 9, "a/index.html"), BROKEN),
        Result(link("/gone/", "output/c/index.html", 9, "c/index.html"), BROKEN),
        Result(link("/old/", "content/notes/x.md", 3, "notes/x/index.html", True), BROKEN),
        Result(link("/old/", "output/index.html", 40, "index.html"), BROKEN),  # its summary
    ]
    assert [r.format() for r in condense(results)] == [
        "content/notes/x.md:3: [broken] /old/: no page or file at /gone/",
        "output/a/index.html:9: [broken] /gone/: no page or file at /gone/ (also on 2 more pages)",
    ]


def test_a_link_written_twice_on_its_only_page_is_reported_at_a_line(tmp_path):
    # Found by tests/core/test_fuzz_notes.py: a broken `<img src=x>` written twice in a note
    # (in a card's question, so twice on its page) was reported at line 0 of the page: only
    # the first occurrence got its line, and condense() kept the one without.
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "index.html").write_text('<p>\n<img src="x">\n<img src="x">\n</p>\n')
    found = [Result(link("x", "output/p/index.html", 0, "p/index.html", target="/p/x"), BROKEN)] * 2
    placed = place(found, SourceMap(root=str(tmp_path)), str(tmp_path), every_line=False)
    assert [r.format() for r in condense(placed)] == [
        "output/p/index.html:2: [broken] x: no page or file at /gone/"]


def test_diagnostics_are_warnings_or_errors_in_strict_mode():
    result = Result(link("/old/", "content/notes/x.md", 3, "notes/x/index.html", True),
                    BROKEN._replace(hint="did you mean '/new/'?"))
    [warning] = diagnostics([result], strict=False)
    [error] = diagnostics([result], strict=True)
    assert (warning.severity, error.severity) == ("warning", "error")
    assert error.format() == ("content/notes/x.md:3: [broken] /old/: no page or file at /gone/\n"
                              "    hint: did you mean '/new/'?")


def test_summary_counts_every_status_in_order():
    results = [Result(link(f"/{n}/", "p", 1, "p"), Verdict(status, "")) for n, status in enumerate(
        [Status.OK, Status.OK, Status.BROKEN, Status.RATE_LIMITED, Status.REDIRECTED])]
    assert summary(results, 1.25, requests=7, cached=2) == (
        "Checked 5 links (5 unique) in 1.2 s: 2 ok, 1 redirected, 1 broken, 1 rate-limited "
        "(7 requests, 2 from the cache).")
    assert summary([], 0) == "Checked 0 links (0 unique) in 0.0 s: nothing to check."


def test_json_lines_and_junit_escape_what_they_write(tmp_path):
    url = 'https://example.org/?a=1&b="<x>"'
    results = [Result(link(url, "content/notes/x.md", 3, "notes/x/index.html", True, url),
                      Verdict(Status.BROKEN, "404 Not Found", 404)),
               Result(link("mailto:me@example.org", "content/notes/x.md", 4, "notes/x/index.html", True,
                           "mailto:me@example.org"), Verdict(Status.UNCHECKED, "mailto: links are not fetched"))]
    write_json_lines(str(tmp_path / "out.jsonl"), results)
    first = json.loads((tmp_path / "out.jsonl").read_text().splitlines()[0])
    assert (first["url"], first["status"], first["code"], first["line"]) == (url, "broken", 404, 3)
    write_junit(str(tmp_path / "junit.xml"), results, 2.5)
    suite = etree.parse(tmp_path / "junit.xml").getroot().find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped"), suite.get("time")) == ("2", "1", "1", "2.500")
    cases = suite.findall("testcase")
    assert cases[0].get("name") == f"3: {url}"
    assert cases[0].find("failure").text == f"content/notes/x.md:3: [broken] {url}: 404 Not Found"
    assert cases[1].find("skipped").get("message") == "[unchecked] mailto: links are not fetched"


def test_an_unverified_anchor_is_shown_skipped_and_not_a_failure(tmp_path):
    url = "https://example.org/slow#part"
    reason = "200 OK; the anchor #part was not checked: the page did not arrive within 10 s"
    results = [Result(link(url, "content/notes/x.md", 5, "notes/x/index.html", True, url),
                      Verdict(Status.UNVERIFIED, reason, 200))]
    assert Status.UNVERIFIED not in QUIET and not Status.UNVERIFIED.failed
    assert results[0].format() == f"content/notes/x.md:5: [unverified] {url}: {reason}"
    assert summary(results, 1) == "Checked 1 links (1 unique) in 1.0 s: 1 unverified."
    write_junit(str(tmp_path / "junit.xml"), results, 1)
    suite = etree.parse(tmp_path / "junit.xml").getroot().find("testsuite")
    assert (suite.get("failures"), suite.get("skipped")) == ("0", "1")
