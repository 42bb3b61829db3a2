"""Internal links on small hand-written sites: pages, files, anchors, bases and site prefixes."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from studyfolio.linkcheck.internal import RELATIVE_PATH, join_path
from studyfolio.linkcheck.locate import SourceMap
from studyfolio.linkcheck.records import Status
from studyfolio.linkcheck.site import SiteLinks


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def verdicts(output: Path, siteurl: str = "") -> dict[str, tuple[str, str, str]]:
    site = SiteLinks.read(str(output), siteurl, SourceMap(root=str(output.parent)))
    return {f"{r.link.page} {r.link.url}": (str(r.verdict.status), r.verdict.reason, r.verdict.hint)
            for r in site.check_internal()}


PAGE = "<!DOCTYPE html><html><body>{}</body></html>"


def test_pages_files_folders_and_anchors(tmp_path):
    output = write(tmp_path / "output", {
        "index.html": PAGE.format(
            '<a href="notes/">notes</a> <a href="notes">no slash</a> <a href="/notes/a/#caf%C3%A9">coffee</a>'
            '<a href="notes/a/index.html#sum">sum</a> <a href="/img/a%20b.png">space</a> <a href="#">top</a>'
            '<a href="#top">top</a> <a href="#missing">x</a> <a href="/notes/b/">b</a> <a href="/img/">img</a>'
            '<a href="../../outside.html">out</a> <a href="/notes/a/#:~:text=mean">text fragment</a>'
            '<a href="/notes/a/?utm=x#sum">query</a> <img src="/img/a%20b.png" srcset="/img/a%20b.png 1x, /img/big.png 2x">'),
        "notes/index.html": PAGE.format("notes"),
        "notes/a/index.html": PAGE.format('<h2 id="sum">Sum</h2><p id="café">coffee</p><a name="old">o</a>'),
        "img/a b.png": "png",
    })
    found = verdicts(output)
    ok = ("ok", "exists", "")
    assert found == {
        "index.html notes/": ok,
        "index.html notes": ok,
        "index.html /notes/a/#caf%C3%A9": ok,
        "index.html notes/a/index.html#sum": ok,
        "index.html /img/a%20b.png": ok,
        "index.html #": ok,
        "index.html #top": ok,
        "index.html #missing": ("broken", "no anchor 'missing' on this page", ""),
        "index.html /notes/b/": ("broken", "no page or file at /notes/b/",
                                 "did you mean '/notes/a/' or '/notes/'?"),
        "index.html /img/": ("broken", "no page or file at /img/", ""),
        "index.html ../../outside.html": ("broken", "no page or file at /outside.html", ""),
        "index.html /notes/a/#:~:text=mean": ok,
        "index.html /notes/a/?utm=x#sum": ok,
        "index.html /img/big.png": ("broken", "no page or file at /img/big.png",
                                    "did you mean '/img/a b.png'?"),
    }


def test_anchor_in_another_page_and_names(tmp_path):
    output = write(tmp_path / "output", {
        "a.html": PAGE.format('<a href="b.html#olds">x</a> <a href="b.html#old">y</a>'),
        "b.html": PAGE.format('<a name="old">o</a>'),
    })
    assert verdicts(output)["a.html b.html#olds"] == (
        "broken", "no anchor 'olds' in /b.html", "did you mean '#old'?")
    assert verdicts(output)["a.html b.html#old"][0] == "ok"


def test_base_href_changes_where_relative_links_go(tmp_path):
    output = write(tmp_path / "output", {
        "deep/page/index.html": '<html><head><base href="/"></head><body><a href="about/">a</a></body></html>',
        "about/index.html": PAGE.format("about"),
    })
    assert verdicts(output) == {"deep/page/index.html about/": ("ok", "exists", "")}


@pytest.mark.parametrize("siteurl", ["https://learner.example.org", "https://learner.example.org/portfolio"])
def test_absolute_links_to_the_site_are_internal(tmp_path, siteurl):
    output = write(tmp_path / "output", {
        "index.html": PAGE.format(f'<a href="{siteurl}/feeds/all.atom.xml">feed</a>'
                                  f'<a href="{siteurl}/feeds/none.xml">none</a>'
                                  '<a href="https://elsewhere.example/">out</a>'),
        "feeds/all.atom.xml": "<feed/>",
    })
    site = SiteLinks.read(str(output), siteurl, SourceMap(root=str(tmp_path)))
    assert [link.url for link in site.external] == ["https://elsewhere.example/"]
    found = {r.link.url: r.verdict.status for r in site.check_internal()}
    assert found == {f"{siteurl}/feeds/all.atom.xml": Status.OK, f"{siteurl}/feeds/none.xml": Status.BROKEN}


def test_browser_hints_and_already_reported_links_are_skipped(tmp_path):
    output = write(tmp_path / "output", {
        "index.html": '<html><head><link rel="preconnect" href="/nowhere/"></head><body>'
                      '<a class="res-link res-unknown" href="/resources/#res-typo">t</a>'
                      '<a id="x">no href</a></body></html>',
    })
    assert verdicts(output) == {}


def test_empty_and_broken_html_do_not_stop_the_check(tmp_path):
    output = write(tmp_path / "output", {
        "empty.html": "",
        "junk.html": "<<<>>> <a href='/gone/'>unclosed",
    })
    (output / "latin1.html").write_bytes(b"<p>caf\xe9 <a href='/also-gone/'>x</a></p>")
    (output / "folder.html").mkdir()
    assert verdicts(output) == {
        "junk.html /gone/": ("broken", "no page or file at /gone/", ""),
        "latin1.html /also-gone/": ("broken", "no page or file at /also-gone/", ""),
    }


def test_exclude_patterns_match_site_paths_and_queries_share_a_target(tmp_path):
    output = write(tmp_path / "output", {
        "index.html": PAGE.format('<a href="/review/?note=a">a</a> <a href="/review/?note=b">b</a>'
                                  '<a href="/app/x">app</a> <a href="/gone/?x=1">g</a>'),
    })
    site = SiteLinks.read(str(output), "https://learner.example.org", SourceMap(root=str(tmp_path)))
    results = site.check_internal(exclude=[re.compile(r"^/app/")])
    found = [(r.link.url, r.link.target, str(r.verdict.status), r.verdict.reason) for r in results]
    assert found == [
        ("/review/?note=a", "https://learner.example.org/review/", "broken", "no page or file at /review/"),
        ("/review/?note=b", "https://learner.example.org/review/", "broken", "no page or file at /review/"),
        ("/app/x", "https://learner.example.org/app/x", "excluded", "matches exclude pattern '^/app/'"),
        ("/gone/?x=1", "https://learner.example.org/gone/", "broken", "no page or file at /gone/"),
    ]


@pytest.mark.parametrize("base", ["/notes/a/index.html", "/index.html", "/a/b/c.html", "/p/"])
@pytest.mark.parametrize("url", [
    "../note-0001/#section-2", "x/", "a.png?v=2", "../../../../x", ".", "..", "./", "../",
    "a/./b/../c", "a%20b/c", "x?q#f", "x#", "x?", "../a/..", "sub/index.html#top", "./a:b", "café/",
])
def test_the_fast_relative_join_agrees_with_urljoin(base, url):
    assert RELATIVE_PATH.match(url)
    assert "http://site.invalid" + join_path(base, url) == urljoin("http://site.invalid" + base, url)


@pytest.mark.parametrize("url", ["mailto:x", "x:y", "//host/x", "?q", "", "#top", "/abs"])
def test_other_links_take_the_full_join(url):
    assert not RELATIVE_PATH.match(url)


def test_anchors_are_ids_anywhere_and_names_of_links_only(tmp_path):
    """The parser's id table: ids in SVG and MathML count, `name` only on <a>, and a <base>
    without href does not hide the next one."""
    output = write(tmp_path / "output", {
        "a.html": PAGE.format('<a href="b.html#dot">1</a> <a href="b.html#x2">2</a> <a href="b.html#Old">3</a>'
                              ' <a href="b.html#field">4</a> <a href="b.html#kept">5</a> <a href="b.html#gone">6</a>'),
        "b.html": PAGE.format('<svg><circle id="dot"/></svg><math><mi id="x2">x</mi></math>'
                              '<A NAME="Old">o</A><input name="field"><!-- <p id="gone"> -->'
                              '<p id="kept">k</p><p id="kept">twice</p>'),
        "deep/c.html": '<html><head><base target="_top"><base href="/"></head><body>'
                       '<a href="b.html#kept">base</a></body></html>',
    })
    found = verdicts(output)
    assert {link: verdict[0] for link, verdict in found.items()} == {
        "a.html b.html#dot": "ok", "a.html b.html#x2": "ok", "a.html b.html#Old": "ok",
        "a.html b.html#field": "broken", "a.html b.html#kept": "ok", "a.html b.html#gone": "broken",
        "deep/c.html b.html#kept": "ok",
    }
    assert found["a.html b.html#field"] == ("broken", "no anchor 'field' in /b.html", "did you mean '#Old'?")
