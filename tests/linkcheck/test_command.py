"""`studyfolio linkcheck --external` on a built site whose links point at servers on 127.0.0.1."""

from __future__ import annotations

import json
import marshal
import re
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as etree

import pytest

from linkcheck_servers import ScenarioServer
from sitebuild import ROOT, build_site
from studyfolio.cli import main
from studyfolio.linkcheck.pagecache import PAGES_FILE, VERSION, PageCache

pytestmark = pytest.mark.timeout(60)

FIXTURE = ROOT / "tests" / "fixtures" / "linkcheck"


def oembed(h):
    h.reply(404 if "aRemovedVid" in h.path else 200, {"Content-Type": "application/json"}, b"{}")


ROUTES = {
    "/course": lambda h: h.reply(200, body=b"<h1>A course</h1>"),
    "/gone": lambda h: h.reply(404),
    "/old": lambda h: h.reply(301, {"Location": "/new"}),
    "/new": lambda h: h.reply(200),
    "/slow": lambda h: h.hang(5),
    "/oembed": oembed,
}

NOTE = """Title: Sources I used
Date: 2026-09-03 09:00
Category: Statistics
Video: https://youtu.be/aRemovedVid
Summary: Where I learnt it.

- [A course]({server}/course) that I finished.
- [A book page]({server}/gone) that went away.
- [An old address]({server}/old) that moved.
- [A slow site]({server}/slow) that never answers.
- [The talk at 4:14](https://www.youtube.com/watch?v=aRemovedVid&t=254), now removed.
- [Skipped on purpose](https://skip.example/page) and [the course again]({server}/course#week-2).
- [A typo in a resource id](res:retired-bok): the resources plugin reports it, the checker does not.
"""

RESOURCES = """# Resources for the link-check test site.

- id: the-course
  title: The course
  kind: course
  url: {server}/course

- id: retired-book
  title: A retired book
  kind: book
  url: {server}/retired
"""

CONF = """import sys
sys.path.insert(0, {repo!r})
sys.modules.pop("pelicanconf", None)  # the repository's, not another test site's of that name
from pelicanconf import *

PATH = {content!r}
THEME = {theme!r}
PLUGIN_PATHS = [{plugins!r}]
STATIC_PATHS = ["images"]
LOAD_CONTENT_CACHE = False
CACHE_PATH = "cache"
MENUITEMS = [("Notes", "archives/"), ("Resources", "resources/")]
STUDYFOLIO_LINKCHECK = {{
    "youtube_oembed": "{server}/oembed", "allow_private": True, "timeout": 0.5, "retries": 1,
    "backoff": 0.05, "exclude": [*STUDYFOLIO_LINKCHECK.get("exclude", []), "^https://skip\\\\.example/"],
}}
"""


@pytest.fixture(scope="module")
def server():
    running = ScenarioServer(ROUTES)
    threading.Thread(target=running.serve_forever, args=(0.05,), daemon=True).start()
    yield running
    running.stopping.set()
    running.shutdown()
    running.server_close()


@pytest.fixture(scope="module")
def site(tmp_path_factory, server):
    folder = tmp_path_factory.mktemp("cli") / "site"
    shutil.copytree(FIXTURE / "content", folder / "content")
    base = server.url("")
    (folder / "content" / "notes" / "sources.md").write_text(NOTE.format(server=base))
    (folder / "content" / "resources.yml").write_text(RESOURCES.format(server=base))
    (folder / "siteconf.py").write_text(CONF.format(
        repo=str(ROOT), content=str(folder / "content"), theme=str(ROOT / "theme"),
        plugins=str(ROOT / "plugins"), server=base))
    build = build_site(folder / "siteconf.py", folder / "output", cwd=folder,
                       extra={"CACHE_PATH": str(folder / "cache")})
    assert build.returncode == 0, build.log
    return folder


def run(site, monkeypatch, capsys, *args):
    monkeypatch.chdir(site)
    code = main(["linkcheck", "--settings", "siteconf.py", "--site", "output", "--no-progress", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


INTERNAL = [
    "content/notes/mean.md:12: [broken] ../variance/old.html: no page or file at /notes/variance/old.html",
    "    hint: did you mean '/notes/variance/'?",
]
INTERNAL_VARIANCE = [
    "content/notes/variance.md:10: [broken] /notes/varience/: no page or file at /notes/varience/",
    "    hint: did you mean '/notes/variance/' or '/notes/mean/' or '/notes/sources/'?",
    "content/notes/variance.md:12: [broken] /notes/mean/#averag: no anchor 'averag' in /notes/mean/",
    "    hint: did you mean '#average'?",
    "content/notes/variance.md:14: [broken] #sprad: no anchor 'sprad' on this page",
    "    hint: did you mean '#spread'?",
    "content/notes/variance.md:16: [broken] /images/missing-chart.png: no page or file at /images/missing-chart.png",
    "    hint: did you mean '/images/dot.png'?",
    "content/notes/variance.md:20: [unsafe] javascript:alert(1): javascript: links run code when clicked",
    "    hint: link to a page instead, or leave the code out of the note",
]


def test_internal_only_by_default(site, server, monkeypatch, capsys):
    code, lines, err = run(site, monkeypatch, capsys, "--no-cache")
    assert code == 0, err
    assert lines[:-1] == INTERNAL + INTERNAL_VARIANCE
    assert re.fullmatch(r"Checked \d+ links \(\d+ unique\) in [\d.]+ s: \d+ ok, 5 broken, (?:\d+ excluded, )?1 unsafe\.", lines[-1])
    assert server.seen == []


def test_external_report_lines(site, server, monkeypatch, capsys, tmp_path):
    base = server.url("")
    code, lines, _ = run(site, monkeypatch, capsys, "--external", "--no-cache",
                         "--json", str(tmp_path / "links.jsonl"), "--junit", str(tmp_path / "junit.xml"))
    assert code == 0
    assert lines[:-1] == INTERNAL + [
        "content/notes/sources.md:4: [broken] https://youtu.be/aRemovedVid: the video was removed or never existed",
        "    hint: find another copy of the video, or remove the link",
        f"content/notes/sources.md:8: [broken] {base}/gone: 404 Not Found",
        f"content/notes/sources.md:9: [redirected] {base}/old: redirected (301) to {base}/new",
        f"    hint: the link moved permanently: update it to {base}/new",
        f"content/notes/sources.md:10: [timeout] {base}/slow: no answer within 0.5 s",
        "content/notes/sources.md:11: [broken] https://www.youtube.com/watch?v=aRemovedVid&t=254: the video was removed or never existed",
        "    hint: find another copy of the video, or remove the link",
    ] + INTERNAL_VARIANCE + [
        f"content/resources.yml:11: [broken] {base}/retired: 404 Not Found",
    ]
    assert re.fullmatch(
        r"Checked \d+ links \(\d+ unique\) in [\d.]+ s: \d+ ok, 1 redirected, 10 broken, 1 timeout, "
        r"\d+ excluded, 1 unsafe, 1 unchecked \(10 requests\)\.", lines[-1])  # /review/ until srs

    records = [json.loads(line) for line in (tmp_path / "links.jsonl").read_text().splitlines()]
    assert len(records) == int(lines[-1].split()[1])
    gone = [r for r in records if r["url"] == f"{base}/gone"]
    assert gone == [{"path": "content/notes/sources.md", "line": 8, "url": f"{base}/gone",
                     "target": f"{base}/gone", "page": "notes/sources/index.html", "status": "broken",
                     "reason": "404 Not Found", "code": 404, "final": "", "hint": ""}]
    suite = etree.parse(tmp_path / "junit.xml").getroot().find("testsuite")
    assert suite.get("failures") == "11"
    skipped = sorted(case.find("skipped").get("message") for case in suite.findall("testcase[skipped]"))
    assert [m for m in skipped if "/review/" not in m] == [
        "[excluded] matches exclude pattern '^https://skip\\.example/'",
        "[unchecked] mailto: links are not fetched",
    ]
    failure = suite.find(f"testcase[@name='10: {base}/slow']/failure")
    assert (failure.get("type"), failure.get("message")) == ("timeout", "[timeout] no answer within 0.5 s")
    assert suite.find(f"testcase[@name='10: {base}/slow']").get("classname") == "content/notes/sources.md"


def test_strict_exits_non_zero_with_a_count(site, monkeypatch, capsys):
    code, _, err = run(site, monkeypatch, capsys, "--strict")
    assert code == 1
    assert err == "strict mode: 6 link problem(s)\n"  # internal only: the web is not asked


def test_warm_cache_asks_only_failures_again(site, server, monkeypatch, capsys):
    run(site, monkeypatch, capsys, "--external")
    before = len(server.seen)
    code, lines, _ = run(site, monkeypatch, capsys, "--external")
    asked = sorted({f"{m} {p}" for m, p, _, _ in server.seen[before:]})
    assert code == 0
    assert asked == ["GET /gone", "GET /oembed?url=https://www.youtube.com/watch?v%3DaRemovedVid&format=json",
                     "GET /retired", "GET /slow"]  # once each, with GET: it decided them last run
    assert re.search(r"\(4 requests, 3 from the cache\)\.$", lines[-1])


def test_the_command_starts_without_other_commands_or_the_http_client(site):
    """`studyfolio linkcheck` imports its own module only, and aiohttp only for --external."""
    program = ("import sys; from studyfolio.cli import main; main(sys.argv[1:]); "
               "print(' '.join(sorted(m for m in sys.modules if m.startswith(('studyfolio.', 'aiohttp')))))")
    for args, http in ((["--no-cache"], False), (["--external", "--no-cache"], True)):
        done = subprocess.run([sys.executable, "-c", program, "linkcheck", "--settings", "siteconf.py",
                               "--site", "output", "--no-progress", *args],
                              cwd=site, capture_output=True, text=True, timeout=60)
        modules = set(done.stdout.splitlines()[-1].split())
        assert "studyfolio.linkcheck.command" in modules
        assert not modules & {"studyfolio.importers.command", "studyfolio.srs.commands",
                              "studyfolio.discovery.commands"}
        assert ("aiohttp" in modules) is http
        assert ("studyfolio.linkcheck.external" in modules) is http


def test_other_commands_stay_listed(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    listed = capsys.readouterr().out
    assert all(name in listed for name in ("import", "review", "serve", "linkcheck"))


def test_with_the_build_cache_on_unchanged_pages_are_taken_from_the_last_run(site, monkeypatch, capsys):
    """A link planted in the kept record of an unchanged page is what the command checks: the
    page was not parsed again. The build leaves the same file when its cache is on."""
    (site / "warmconf.py").write_text("from siteconf import *\nLOAD_CONTENT_CACHE = True\n")
    file = site / "cache" / PAGES_FILE
    monkeypatch.syspath_prepend(str(site))
    code, first, _ = run(site, monkeypatch, capsys, "--no-cache", "--settings", "warmconf.py")
    kept = PageCache(str(file)).load().previous
    assert sorted(kept) == sorted(p.relative_to(site / "output").as_posix()
                                  for p in (site / "output").rglob("*.html"))
    digest, base, urls, anchors = kept["notes/mean/index.html"]
    kept["notes/mean/index.html"] = (digest, base, (*urls, "/planted/"), anchors)
    file.write_bytes(marshal.dumps((VERSION, kept)))
    try:
        code, lines, _ = run(site, monkeypatch, capsys, "--no-cache", "--settings", "warmconf.py")
    finally:
        file.unlink()
    assert code == 0
    assert [line for line in lines[:-1] if line not in first] == [
        "output/notes/mean/index.html:1: [broken] /planted/: no page or file at /planted/"]


def test_missing_site_is_a_clear_error(site, monkeypatch, capsys):
    monkeypatch.chdir(site)
    assert main(["linkcheck", "--settings", "siteconf.py", "--site", "nowhere"]) == 2
    assert capsys.readouterr().err == "studyfolio: no built site in nowhere/: build it first (make html)\n"


def test_bad_settings_are_a_clear_error(site, monkeypatch, capsys):
    monkeypatch.chdir(site)
    (site / "badconf.py").write_text("STUDYFOLIO_LINKCHECK = {'per_hots': 2}\n")
    assert main(["linkcheck", "--settings", "badconf.py", "--site", "output"]) == 2
    assert capsys.readouterr().err == (
        "studyfolio: STUDYFOLIO_LINKCHECK: unknown key 'per_hots'; did you mean 'per_host'?\n")


def test_external_reads_the_resources_file_the_settings_name(site, server, monkeypatch, capsys):
    """STUDYFOLIO_RESOURCES names the file --external checks; --resources FILE wins over it."""
    base = server.url("")
    (site / "content" / "library.yml").write_text(
        f"- id: gone-book\n  title: A gone book\n  kind: book\n  url: {base}/gone\n")
    (site / "libconf.py").write_text("from siteconf import *\nSTUDYFOLIO_RESOURCES = 'library.yml'\n")
    monkeypatch.syspath_prepend(str(site))
    _, lines, _ = run(site, monkeypatch, capsys, "--external", "--no-cache", "--settings", "libconf.py")
    assert f"content/library.yml:4: [broken] {base}/gone: 404 Not Found" in lines
    assert not [line for line in lines if line.startswith("content/resources.yml")]
    _, lines, _ = run(site, monkeypatch, capsys, "--external", "--no-cache", "--settings", "libconf.py",
                      "--resources", "content/resources.yml")
    assert f"content/resources.yml:11: [broken] {base}/retired: 404 Not Found" in lines
    assert not [line for line in lines if line.startswith("content/library.yml")]
