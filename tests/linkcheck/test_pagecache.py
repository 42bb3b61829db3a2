"""Pages the last build read are not parsed again when their bytes are the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import ROOT, build_site, report_lines
from studyfolio.linkcheck.build import check_output, page_cache
from studyfolio.linkcheck.locate import SourceMap
from studyfolio.linkcheck.pagecache import PAGES_FILE, PageCache

SITE = ROOT / "tests" / "fixtures" / "linkcheck"
CONF = SITE / "linkcheckconf.py"

PAGE = "<!DOCTYPE html><html><body>{}</body></html>"


def write_site(output: Path) -> None:
    output.mkdir(parents=True, exist_ok=True)
    (output / "index.html").write_text(PAGE.format('<a href="a.html#one">a</a> <a href="b.html">b</a>'))
    (output / "a.html").write_text(PAGE.format('<h2 id="one">One</h2> <a href="index.html#two">back</a>'))
    (output / "b.html").write_text(PAGE.format('<a href="/nowhere/">x</a>'))


def check(output: Path, cache: PageCache) -> list[str]:
    _, found = check_output(str(output), "", SourceMap(root=str(output.parent)), cache=cache)
    return sorted(f"{r.link.page} {r.link.url}: {r.verdict.reason}" for r in found)


FIRST = ["a.html index.html#two: no anchor 'two' in /", "b.html /nowhere/: no page or file at /nowhere/"]


def test_unchanged_pages_are_not_parsed_again(tmp_path):
    output, file = tmp_path / "output", str(tmp_path / "cache" / PAGES_FILE)
    write_site(output)
    first = PageCache(file).load()
    assert check(output, first) == FIRST
    assert first.parsed == 3
    first.save()

    second = PageCache(file).load()
    assert check(output, second) == FIRST
    assert second.parsed == 0
    second.save()

    (output / "index.html").write_text(PAGE.format('<h2 id="two">Two</h2> <a href="a.html#on">a</a>'))
    third = PageCache(file).load()
    assert check(output, third) == [
        "b.html /nowhere/: no page or file at /nowhere/", "index.html a.html#on: no anchor 'on' in /a.html"]
    assert third.parsed == 1


def test_without_a_cache_file_pages_are_kept_in_memory_for_the_next_run(tmp_path):
    """A dev server rebuilds with its content cache in memory (the build cache setting off): the
    next run of the same checker takes the pages the previous one read."""
    output = tmp_path / "output"
    write_site(output)
    unkept = page_cache({"LOAD_CONTENT_CACHE": False})
    assert check(output, unkept) == FIRST
    assert unkept.parsed == 3 and unkept.current == {}

    first = page_cache({"LOAD_CONTENT_CACHE": False}, last_pages={})
    check(output, first)
    (output / "b.html").write_text(PAGE.format('<a href="/elsewhere/">x</a>'))
    second = page_cache({"LOAD_CONTENT_CACHE": False}, last_pages=first.current)
    assert check(output, second) == [
        "a.html index.html#two: no anchor 'two' in /", "b.html /elsewhere/: no page or file at /elsewhere/"]
    assert second.parsed == 1
    assert not (tmp_path / "cache").exists()


def test_a_page_that_is_gone_is_forgotten(tmp_path):
    output, file = tmp_path / "output", str(tmp_path / "cache" / PAGES_FILE)
    write_site(output)
    first = PageCache(file).load()
    check(output, first)
    first.save()
    (output / "b.html").unlink()
    second = PageCache(file).load()
    assert check(output, second) == [
        "a.html index.html#two: no anchor 'two' in /", "index.html b.html: no page or file at /b.html"]
    second.save()
    assert sorted(PageCache(file).load().previous) == ["a.html", "index.html"]


@pytest.mark.parametrize("junk", [b"", b"\x00not marshal", b"\xe9\x01\x00\x00\x00"])
def test_an_unreadable_cache_is_an_empty_one(tmp_path, junk):
    output, file = tmp_path / "output", tmp_path / "cache" / PAGES_FILE
    write_site(output)
    file.parent.mkdir(parents=True)
    file.write_bytes(junk)
    cache = PageCache(str(file)).load()
    assert check(output, cache) == FIRST
    assert cache.parsed == 3


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The fixture site built twice with the build cache on, and once with it off."""
    folder = tmp_path_factory.mktemp("pagecache")
    warm = {"LOAD_CONTENT_CACHE": True, "CACHE_CONTENT": True, "CACHE_PATH": str(folder / "cache")}
    first = build_site(CONF, folder / "output", cwd=SITE, extra=warm)
    second = build_site(CONF, folder / "output", cwd=SITE, extra=warm)
    cold = build_site(CONF, folder / "cold", cwd=SITE)
    return folder, first, second, cold


def test_a_build_with_its_cache_on_reports_the_same_from_the_pages_it_kept(builds):
    folder, first, second, cold = builds
    assert first.returncode == second.returncode == cold.returncode == 0
    pages = sorted(p.relative_to(first.output).as_posix() for p in first.output.rglob("*.html"))
    kept = PageCache(str(folder / "cache" / PAGES_FILE)).load()
    assert sorted(kept.previous) == pages
    lines = report_lines(first.log)
    assert len(lines) == 6  # the notes' problems (the menu's is reported in a page)
    for build in (first, second, cold):
        assert "Studyfolio found 0 error(s) and 7 warning(s)." in build.log
        assert report_lines(build.log) == lines
    assert not (folder / "cold-cache" / PAGES_FILE).exists()  # the build cache is off there

