"""`studyfolio import summary`: the files it writes, what it leaves alone, and what it refuses."""

from pathlib import Path

import pytest
import yaml

from studyfolio.cli import main

SAMPLES = Path(__file__).parent / "samples"
EXISTING = """\
# My resources.
- id: numpy
  title: NumPy
  kind: tool
  url: https://numpy.org/
  notes: keep   this    spacing

- id: three-blue
  title: 3Blue1Brown
  kind: channel
  url: https://example.org/3b1b
"""


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "content"
    (content / "notes").mkdir(parents=True)
    (content / "resources.yml").write_text(EXISTING, encoding="utf-8")
    return content


def run(site, name, *extra):
    return main(["import", "summary", str(SAMPLES / name), "--content", str(site), "--date", "2026-10-10 09:00", *extra])


def test_import_writes_note_transcript_and_only_new_resources(site, capsys):
    assert run(site, "roadmap-same-line.txt", "--slug", "math-roadmap") == 0
    note = (site / "notes" / "math-roadmap.md").read_text(encoding="utf-8")
    head = note.split("\n\n", 1)[0].splitlines()
    assert head == [
        "Title: The Math You Need for Machine Learning, in Order",
        "Date: 2026-10-10 09:00",
        "Status: draft",
        "Level: Intermediate",
        "Audience: Self-taught programmers moving into machine learning",
        "Video: https://www.youtube.com/watch?v=Qm4tR8vLx2A",
        "Duration: 14:05",
        "Transcript: transcripts/Qm4tR8vLx2A.txt",
        "Reading-time: 5 min read",
    ]
    assert note.count("### In my own words") == 5 and note.rstrip().endswith("<!-- What will you remember in a month? What will you try first? -->")
    for heading, at in (("Why bother with the math", "00:00"), ("Pictures before proofs", "02:40"),
                        ("A course for structure", "06:15"), ("Books and code together", "10:30")):
        assert f"## {heading}\n\n> [{at}] " in note
    assert note.count("/// card | ") == 4
    assert '/// card | How should a textbook chapter be paired with practice?\n    level: hard\n    at: "11:02"\n' \
           "Write a tiny program for each chapter using only arrays, so every formula becomes code you have run.\n///\n" in note
    assert "- 🎬 **Animation beats notation** [03:30]: A single animation of a matrix squashing space replaces a page of definitions." in note
    assert "- [3Blue1Brown](res:three-blue) (channel)" in note
    assert "- [Coursera](res:coursera) (service)" in note
    assert "<!-- Clickbait check: 8% \"The title promises an ordered plan and the video gives exactly that.\" -->" in note

    transcript = (site / "transcripts" / "Qm4tR8vLx2A.txt").read_text(encoding="utf-8").splitlines()
    assert len(transcript) == 8 and transcript[3].startswith("[02:40] So my first step would be pictures.")

    text = (site / "resources.yml").read_text(encoding="utf-8")
    assert text.startswith(EXISTING)  # existing entries untouched, byte for byte
    entries = yaml.safe_load(text)
    assert [e["id"] for e in entries] == ["numpy", "three-blue", "coursera", "mathematics-for-machine-learning"]
    assert entries[2] == {
        "id": "coursera", "title": "Coursera", "kind": "service", "tags": ["from-video"],
        "notes": "Mentioned in the video \"The Math You Need for Machine Learning, in Order\" (Qm4tR8vLx2A). Add its url.",
    }
    assert entries[3]["kind"] == "book"
    assert (site / "resources.yml.bak").read_text(encoding="utf-8") == EXISTING
    out = capsys.readouterr().out
    lines = text.splitlines()
    coursera_line = lines.index("- id: coursera") + 1
    assert f"{site / 'resources.yml'}:{coursera_line}: coursera (service)" in out
    assert "already in" in out and "numpy, three-blue" in out


def test_second_layout_with_no_mentions_leaves_resources_alone(site):
    assert run(site, "gradients-next-line.txt") == 0
    assert (site / "notes" / "gradient-descent-without-the-fear.md").exists()
    assert (site / "resources.yml").read_text(encoding="utf-8") == EXISTING
    assert not (site / "resources.yml.bak").exists()
    note = (site / "notes" / "gradient-descent-without-the-fear.md").read_text(encoding="utf-8")
    assert "Duration: 1:02:10" in note and "> [1:00:05] The host lists what to practise next." in note
    assert '    at: "1:01:30"' in note and "Level: Beginner" in note


def test_a_missing_resources_file_is_created_with_its_header(site):
    (site / "resources.yml").unlink()
    assert run(site, "roadmap-same-line.txt") == 0
    text = (site / "resources.yml").read_text(encoding="utf-8")
    assert text.startswith("# The resources I learn from.")
    assert [e["id"] for e in yaml.safe_load(text)] == ["numpy", "3blue1brown", "coursera", "mathematics-for-machine-learning"]


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "nothing.txt", "nothing.txt: no such file"),
        (lambda tmp: tmp, "is a folder; give the text file of one summary page"),
        (lambda tmp: (tmp / "bin.txt").write_bytes(b"\xff\xfe\x00junk") and tmp / "bin.txt",
         "bin.txt: not UTF-8 text; save the page as plain text (UTF-8)"),
        (lambda tmp: (tmp / "short.txt").write_text("T\nVideo ID: abcdefghijk\nStudy Flashcards (2)\nQ?\neasy\nA.\n00:01\n")
         and tmp / "short.txt", "short.txt: the page announces 2 flashcards but only 1 could be read"),
    ],
)
def test_unreadable_input_writes_nothing(site, tmp_path, capsys, make, message):
    before = snapshot(site)
    page = make(tmp_path)
    assert main(["import", "summary", str(page), "--content", str(site)]) == 1
    err = capsys.readouterr().err
    first, second = err.splitlines()
    assert first.startswith("studyfolio: ") and first.endswith(message)
    assert second == "nothing was written"
    assert snapshot(site) == before


def test_existing_note_is_not_replaced_without_force(site, capsys):
    (site / "notes" / "mine.md").write_text("Title: Mine\n", encoding="utf-8")
    before = snapshot(site)
    assert run(site, "roadmap-same-line.txt", "--slug", "mine") == 1
    assert "mine.md already exists; choose another --slug or pass --force to replace it" in capsys.readouterr().err
    assert snapshot(site) == before
    assert run(site, "roadmap-same-line.txt", "--slug", "mine", "--force") == 0


def test_broken_resources_file_stops_the_import(site, capsys):
    (site / "resources.yml").write_text("- id: [broken\n", encoding="utf-8")
    before = snapshot(site)
    assert run(site, "roadmap-same-line.txt") == 1
    assert "resources.yml is not valid YAML (ParserError); fix it first" in capsys.readouterr().err
    assert snapshot(site) == before


def test_bad_slug_and_dry_run(site, capsys):
    assert run(site, "roadmap-same-line.txt", "--slug", "Bad Slug") == 1
    assert "slug 'Bad Slug' is not lowercase words joined by '-'" in capsys.readouterr().err
    before = snapshot(site)
    assert run(site, "roadmap-same-line.txt", "--dry-run") == 0
    assert "dry run, nothing written" in capsys.readouterr().out
    assert snapshot(site) == before


def test_imported_note_builds_and_its_transcript_is_checked(site, tmp_path):
    """The draft builds with the site's plugins, with links into the video and the own-words check on."""
    from sitebuild import ROOT, build_site

    assert run(site, "roadmap-same-line.txt", "--slug", "math-roadmap") == 0
    build = build_site(ROOT / "pelicanconf.py", tmp_path / "output", content=site)
    assert build.returncode == 0, build.log
    page = build.page("drafts/math-roadmap.html")
    links = [a.get("href") for a in page.cssselect("a.timestamp")]
    assert links[:2] == ["https://www.youtube.com/watch?v=Qm4tR8vLx2A&t=0", "https://www.youtube.com/watch?v=Qm4tR8vLx2A&t=160"]
    report = build.page("ownwords/index.html")
    [row] = report.cssselect(".ownwords-table tbody tr")
    assert row.cssselect(".ownwords-sources li")[0].text == "content/transcripts/Qm4tR8vLx2A.txt"
