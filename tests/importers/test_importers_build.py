"""Imported drafts build in a strict build with no problem reported, link into their video, and
nothing a page carries runs: one build of a site holding every sample (and the real page kept
beside the repository, when it is there)."""

import re
from pathlib import Path

import pytest

from sitebuild import ROOT, build_site, report_lines
from studyfolio.cli import main

SAMPLES = Path(__file__).parent / "samples"
REAL_PAGE = ROOT.parent / "shared" / "samples" / "video-summary-KgolhE7p-KY.txt"
IMPORTS = {
    "timed": SAMPLES / "timed-topics-same-line.txt",
    "plain": SAMPLES / "plain-paragraphs-glued.txt",
    "hostile": SAMPLES / "hostile-page.txt",
}
if REAL_PAGE.exists():
    IMPORTS["real"] = REAL_PAGE


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    content = tmp_path_factory.mktemp("site") / "content"
    (content / "notes").mkdir(parents=True)
    (content / "notes" / "published.md").write_text(
        "Title: A published note\nDate: 2026-10-01\nCategory: Statistics\n\nSome words of my own.\n", encoding="utf-8")
    for slug, page in IMPORTS.items():
        assert main(["import", "summary", str(page), "--content", str(content), "--slug", slug,
                     "--date", "2026-10-10 09:00"]) == 0
    output = content.parent / "output"
    build = build_site(ROOT / "pelicanconf.py", output, content=content, extra={"STUDYFOLIO_STRICT": True})
    return content, build


def test_drafts_build_strictly_with_no_problem_reported(built):
    _, build = built
    assert build.returncode == 0, build.log
    assert report_lines(build.log) == []
    assert "Studyfolio found" not in build.log


def test_timestamps_of_topics_cards_and_moments_link_into_the_video(built):
    _, build = built
    page = build.page("drafts/timed.html")
    links = [a.get("href") for a in page.cssselect(".note-body a.timestamp")]
    video = "https://www.youtube.com/watch?v=Qm4tR8vLx2A&t="
    assert links == [video + s for s in ("0", "160", "3605", "75", "210")]
    cards = page.cssselect("details.card")
    assert [(c.get("data-level"), c.get("data-video-url")) for c in cards] == [
        ("medium", video + "48"), ("easy", video + "175"), ("hard", video + "3662"),
    ]
    assert page.cssselect(".note-cards-draft")[0].text == "A draft's cards join the review and the decks once the note is published."
    assert not page.cssselect(".note-category a")


def test_nothing_a_hostile_page_carries_runs_anywhere(built):
    _, build = built
    for path in build.output.rglob("*.html"):
        tree = build.page(str(path.relative_to(build.output)))
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            assert element.tag not in ("iframe", "svg") or "pwned" not in str(element.attrib), path
            if element.tag == "script" and element.get("type") == "application/ld+json":
                assert "<" not in (element.text or ""), path  # data, and it cannot end its element
            else:
                assert not (element.tag == "script" and "pwned" in (element.text or "")), path
            for name, value in element.attrib.items():
                assert not (name.startswith("on") and "pwned" in value), (path, name, value)
                assert not value.strip().lower().startswith("javascript:"), (path, name, value)


def test_a_hostile_page_shows_as_the_text_it_is(built):
    _, build = built
    page = build.page("drafts/hostile.html")
    assert page.cssselect(".card-question")[0].text_content() == "What is <script>window.__pwned = 9</script> here?"
    assert page.cssselect(".card-answer")[0].text_content().split() == (
        '/// <iframe src="javascript:window.__pwned = 10"></iframe>'.split())
    quote = page.cssselect(".note-body blockquote")[1].text_content()
    assert "A [link](javascript:window.__pwned=5) and ![image](javascript:window.__pwned=6), $x$ dollars, " \
           "{{c1::cloze}}, `code`, *stars* and [[Wiki link]].\n# not a heading" in quote
    assert not page.cssselect(".note-body blockquote h1, .note-body blockquote a:not(.timestamp), .note-body blockquote math")
    heading = page.cssselect(".note-body h2")[1]
    assert heading.text_content().rstrip("#") == 'Heading <b onmouseover="window.__pwned = 3">bold</b> {: onclick="window.__pwned = 4" }'
    resources = build.page("resources/index.html")
    assert "<script>window.__pwned = 8</script> Book" in [h.text_content() for h in resources.cssselect(".res-title")]


@pytest.mark.browser
def test_a_hostile_draft_runs_nothing_in_the_browser(built, serve, page):
    _, build = built
    base = serve(build.output)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path, hovered in (("drafts/hostile.html", ".note-body h2 >> nth=1"), ("resources/", ".res-title >> nth=0")):
        page.goto(f"{base}/{path}")
        page.wait_for_load_state("load")
        page.hover(hovered)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
    assert dialogs == []


@pytest.mark.skipif(not REAL_PAGE.exists(), reason="the real summary page is kept beside the repository, not in it")
def test_the_real_page_imports_whole(built):
    """Every card (question, level, time), resource, best moment and transcript line of the real
    page is in the draft; the expectations are read off the page's raw lines here."""
    content, build = built
    raw = [line.strip() for line in REAL_PAGE.read_text(encoding="utf-8").splitlines() if line.strip()]
    note = (content / "notes" / "real.md").read_text(encoding="utf-8")
    levels = [i for i, line in enumerate(raw) if line in ("easy", "medium", "hard")]
    assert len(levels) == 9
    for i in levels:
        question, level, answer, at = raw[i - 1], raw[i], raw[i + 3], raw[i + 4]
        assert f'/// card | {question}\n    level: {level}\n    at: "{at}"\n{answer}\n///\n' in note
    page = build.page("drafts/real.html")
    assert len(page.cssselect("details.card")) == 9
    mentions = raw[raw.index("Mentioned in this Video") + 1:raw.index("Study Flashcards (9)")]
    names = mentions[0::2]
    assert len(names) == 13
    listed = page.cssselect("#mentioned-in-the-video + ul li a.res-link")
    assert [a.text for a in listed] == names
    moment_times = [m.group(1) for line in raw if (m := re.match(r"^(\d\d:\d\d)\S", line))]
    stamps = [a.text_content() for a in page.cssselect("#best-moments + ul a.timestamp")]
    assert len(stamps) == 3 and stamps == moment_times
    said = [re.sub(r"^Download \.txt", "", line) for line in raw if re.match(r"^(Download \.txt)?\[\d\d:\d\d\]", line)]
    assert (content / "transcripts" / "KgolhE7p-KY.txt").read_text(encoding="utf-8").splitlines() == said
