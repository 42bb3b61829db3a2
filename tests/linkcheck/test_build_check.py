"""Internal links on every build: the fixture site's broken links, reported against its notes."""

from __future__ import annotations

import json
import re

import pytest

from sitebuild import ROOT, build_site

SITE = ROOT / "tests" / "fixtures" / "linkcheck"
CONF = SITE / "linkcheckconf.py"


def report_lines(log: str) -> list[str]:
    """Studyfolio's report from Pelican's log: each problem with its hint, without log columns."""
    lines = []
    for raw in log.splitlines():
        text = re.sub(r"\s{2,}\S+\.py:\d+\s*$", "", raw.rstrip())
        problem = re.match(r"^(\S+:\d+: )(?:error|warning): (.*)$", text)
        level = re.match(r"^(\[[\d:]+\])?\s+(WARNING|ERROR)\s+(.*)$", text)
        if problem:
            lines.append(problem.group(1) + problem.group(2))
        elif text.startswith("Studyfolio found "):
            lines.append(text)
        elif level:
            lines.append(level.group(3).strip())
        elif text.strip().startswith("hint:") and lines:
            lines[-1] += " | " + text.strip()
    return lines


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    output = tmp_path_factory.mktemp("linkcheck") / "output"
    return build_site(CONF, output, cwd=SITE)


@pytest.fixture(scope="module")
def strict_build(tmp_path_factory):
    output = tmp_path_factory.mktemp("linkcheck-strict") / "output"
    return build_site(CONF, output, cwd=SITE, extra={"STUDYFOLIO_STRICT": True})


def test_every_broken_internal_link_is_reported_once_against_its_note(build):
    assert build.returncode == 0, build.log
    menu_page = build.output / "archives" / "index.html"
    [menu_link] = build.page("archives/index.html").cssselect('nav a[href="/roadmap/"]')
    pages = len(list(build.output.rglob("*.html")))
    assert report_lines(build.log) == [
        f"{menu_page}:{menu_link.sourceline}: [broken] /roadmap/: no page or file at /roadmap/"
        f" (also on {pages - 1} more pages) | hint: did you mean '/roadmaps/'?",
        "content/notes/mean.md:12: [broken] ../variance/old.html: no page or file at /notes/variance/old.html"
        " | hint: did you mean '/notes/variance/'?",
        "content/notes/variance.md:10: [broken] /notes/varience/: no page or file at /notes/varience/"
        " | hint: did you mean '/notes/variance/' or '/notes/mean/'?",
        "content/notes/variance.md:12: [broken] /notes/mean/#averag: no anchor 'averag' in /notes/mean/"
        " | hint: did you mean '#average'?",
        "content/notes/variance.md:14: [broken] #sprad: no anchor 'sprad' on this page"
        " | hint: did you mean '#spread'?",
        "content/notes/variance.md:16: [broken] /images/missing-chart.png: no page or file at /images/missing-chart.png"
        " | hint: did you mean '/images/dot.png'?",
        "content/notes/variance.md:20: [unsafe] javascript:alert(1): javascript: links run code when clicked"
        " | hint: link to a page instead, or leave the code out of the note",
        "Studyfolio found 0 error(s) and 7 warning(s).",
    ]


def test_links_that_work_are_not_reported(build):
    log = build.log
    for fine in ("#average)", "#caf%C3%A9", "#top", "#spread:", "/images/dot.png:", "../variance/:",
                 "mailto:"):
        assert fine not in log


def test_the_menu_link_really_is_on_every_page(build):
    pages = sorted(p.relative_to(build.output).as_posix() for p in build.output.rglob("*.html"))
    with_menu = [p for p in pages if build.page(p).cssselect('nav a[href="/roadmap/"]')]
    assert with_menu == pages and len(pages) >= 7


def test_strict_build_fails_with_a_count(strict_build):
    assert strict_build.returncode == 1
    lines = report_lines(strict_build.log)
    assert "content/notes/variance.md:14: [broken] #sprad: no anchor 'sprad' on this page | hint: did you mean '#spread'?" in lines
    assert "Studyfolio found 7 error(s) and 0 warning(s)." in lines
    assert "strict mode: 7 error(s) and 0 warning(s) in the sources" in strict_build.log


def test_the_build_leaves_its_source_map_for_the_command(build):
    data = json.loads((build.output.parent / "output-cache" / "linkcheck" / "sources.json").read_text())
    assert data["pages"] == {
        "notes/mean/index.html": "content/notes/mean.md",
        "notes/variance/index.html": "content/notes/variance.md",
    }
    assert data["root"] == str(SITE)
    assert data["output"] == str(build.output)


def test_bad_link_settings_are_reported_and_fail_a_strict_build(tmp_path):
    lenient = build_site(CONF, tmp_path / "lenient", cwd=SITE, extra={"STUDYFOLIO_LINKCHECK": {"exlude": []}})
    assert lenient.returncode == 0
    assert "STUDYFOLIO_LINKCHECK: unknown key 'exlude'; did you mean 'exclude' or 'include'?" in report_lines(lenient.log)
    strict = build_site(CONF, tmp_path / "strict", cwd=SITE,
                        extra={"STUDYFOLIO_LINKCHECK": {"timeout": -1}, "STUDYFOLIO_STRICT": True})
    assert strict.returncode == 1
    assert "STUDYFOLIO_LINKCHECK['timeout']: expected a number above 0, got -1" in report_lines(strict.log)
    assert "strict mode: fix STUDYFOLIO_LINKCHECK in the settings" in strict.log


def test_the_dev_servers_own_script_is_not_a_broken_link(tmp_path):
    build = build_site(CONF, tmp_path / "output", cwd=SITE, extra={"STUDYFOLIO_LIVERELOAD": True})
    assert build.page("notes/mean/index.html").cssselect('script[src="/_studyfolio/livereload.js"]')
    assert "livereload" not in build.log
    assert "Studyfolio found 0 error(s) and 7 warning(s)." in build.log
