"""The own-words fixture site built by Pelican: what the author is told, what readers see."""

import re
from pathlib import Path

import pytest

from sitebuild import ROOT, build_site, report_md_lines

SITE = Path(__file__).resolve().parent / "site"


def test_every_problem_is_reported_once_with_its_line(ownwords_build):
    assert ownwords_build.returncode == 0, ownwords_build.log
    assert report_md_lines(ownwords_build.log) == [
        "content/notes/broken-note.md:6: Transcript 'transcripts/rank-vid.txt' not found under content/",
        "content/notes/broken-note.md:8: timestamp [05:01] is past the end of the video (05:00)",
        "content/notes/broken-note.md:10: invalid layout in '/// explain': 'sideways' is not one of: auto, beside, below; the block is shown as plain text",
        "content/notes/broken-note.md:16: unknown resource 'res:mml-bok' in explanation block",
        "content/notes/copied-note.md:4: only 22.7% of this note is in your own words: 34 of 44 words are copied from its sources (at most 20% allowed)",
        "content/notes/copied-note.md:6: 34 words copied from content/transcripts/rank-video.txt:2-3: \"think of a matrix as a machine that moves every point of …\"",
    ]
    assert "hint: did you mean 'transcripts/rank-video.txt'?" in ownwords_build.log
    assert "Studyfolio found 4 error(s) and 2 warning(s)." in ownwords_build.log


def test_report_page_lists_every_note_with_its_share(ownwords_build):
    page = ownwords_build.page("ownwords/index.html")
    assert page.find(".//meta[@name='robots']").get("content") == "noindex"
    rows = page.cssselect(".ownwords-table tbody tr")
    summary = [
        (r.cssselect(".ownwords-path")[0].text, " ".join(r.cssselect("td")[0].text_content().split()),
         r.cssselect("td")[1].text_content().strip(), r.get("class"))
        for r in rows
    ]
    assert summary == [
        ("content/notes/broken-note.md", "not checked", "–", None),
        ("content/notes/copied-note.md", "22.7% over the limit", "34 of 44 words", "ownwords-over"),
        ("content/notes/plain-note.md", "not checked", "–", None),
        ("content/notes/rank-study.md", "94.3%", "11 of 192 words", None),
    ]
    assert rows[0].cssselect(".ownwords-missing li")[0].text == "transcripts/rank-vid.txt"
    passages = [
        (s.get("id"), [" ".join(w.text_content().split()) for w in s.cssselect(".ownwords-where")],
         [q.text for q in s.cssselect("blockquote")])
        for s in page.cssselect("section.ownwords-note")
    ]
    assert passages == [
        ("copied-copied-note",
         ["content/notes/copied-note.md:6–7 from content/transcripts/rank-video.txt:2–3 34 words"],
         ["think of a matrix as a machine that moves every point of space somewhere else "
          "the rank of a matrix is the number of dimensions of the space that comes out of that machine"]),
        ("copied-rank-study",
         ["content/notes/rank-study.md:24 from content/transcripts/rank-video.txt:3 11 words"],
         ["the rank of a matrix is the number of dimensions of"]),
    ]


def test_readers_see_no_badge_by_default(ownwords_build):
    body = ownwords_build.page("notes/rank-study/index.html").find_class("note-body")[0]
    assert body.find_class("ownwords-badge") == []


def test_css_ships_in_the_site_stylesheet(ownwords_build):
    page = ownwords_build.page("notes/rank-study/index.html")
    assert [link.get("href") for link in page.cssselect("link[rel=stylesheet]")] == ["/theme/css/studyfolio.css"]
    bundle = (ownwords_build.output / "theme" / "css" / "studyfolio.css").read_text()
    assert (ROOT / "theme" / "static" / "css" / "ownwords.css").read_text().strip() in bundle


def test_refused_block_stays_visible(ownwords_build):
    body = ownwords_build.page("notes/broken-note/index.html").find_class("note-body")[0]
    [refused] = body.find_class("block-refused")
    assert refused.text_content().startswith("/// explain |")


@pytest.fixture(scope="module")
def badge_build(tmp_path_factory):
    output = tmp_path_factory.mktemp("ownwords-badge") / "output"
    return build_site(SITE / "ownwordsconf.py", output, cwd=SITE,
                      extra={"OWNWORDS_BADGE": True, "OWNWORDS_REPORT_SAVE_AS": ""})


def test_badge_setting_shows_the_share_and_no_report_page(badge_build):
    assert badge_build.returncode == 0, badge_build.log
    badges = {}
    for slug in ("rank-study", "copied-note", "plain-note", "broken-note"):
        body = badge_build.page(f"notes/{slug}/index.html").find_class("note-body")[0]
        found = body.find_class("ownwords-badge")
        badges[slug] = found[0].text_content() if found else None
        if found:
            assert body.index(found[0]) == 0 and found[0].get("title") == "Checked against content/transcripts/rank-video.txt"
    assert badges == {
        "rank-study": "94.3% in my own words",
        "copied-note": "22.7% in my own words",
        "plain-note": None,
        "broken-note": None,
    }
    assert not (badge_build.output / "ownwords").exists()


def test_strict_build_fails_and_copying_is_an_error(tmp_path):
    build = build_site(SITE / "ownwordsconf.py", tmp_path / "output", cwd=SITE,
                       extra={"STUDYFOLIO_STRICT": True, "OWNWORDS_MAX_COPIED": 5})
    assert build.returncode != 0
    assert "strict mode: 8 error(s) and 0 warning(s) in the sources" in build.log
    assert re.search(r"^content/notes/rank-study\.md:9: error: only 94\.3% of this note is in your own words", build.log, re.M)


def test_a_bad_limit_is_reported(tmp_path):
    build = build_site(SITE / "ownwordsconf.py", tmp_path / "output", cwd=SITE,
                       extra={"OWNWORDS_MAX_COPIED": "lots"})
    assert "pelicanconf.py:1: error: OWNWORDS_MAX_COPIED must be a percentage from 0 to 100, got 'lots'" in build.log
