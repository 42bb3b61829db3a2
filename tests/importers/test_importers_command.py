"""`studyfolio import summary`: the files it writes, what it tells, what it leaves alone, and what it refuses."""

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

- id: stat-quest
  title: StatQuest
  kind: channel
  url: https://example.org/statquest
"""


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "content"
    (content / "notes").mkdir(parents=True)
    (content / "resources.yml").write_text(EXISTING, encoding="utf-8")
    return content


def run(site, page, *extra):
    path = page if isinstance(page, Path) else SAMPLES / page
    return main(["import", "summary", str(path), "--content", str(site), "--date", "2026-10-10 09:00", *extra])


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_timed_topics_page_becomes_a_draft_with_every_part(site, capsys):
    assert run(site, "timed-topics-same-line.txt", "--title", "The math for ML, in order") == 0
    note = (site / "notes" / "the-math-for-ml-in-order.md").read_text(encoding="utf-8")
    head = note.split("\n\n", 1)[0].splitlines()
    assert head == [
        "Title: The math for ML, in order",
        "Date: 2026-10-10 09:00",
        "Status: draft",
        "Level: Intermediate",
        "Audience: Self-taught programmers moving into machine learning",
        "Video: https://www.youtube.com/watch?v=Qm4tR8vLx2A",
        "Duration: 1:02:00",
        "Transcript: transcripts/Qm4tR8vLx2A.txt",
    ]
    assert "<!-- The summary page was transcribed March 3, 2026. -->" in note
    assert "<!-- The page gives its reading time as 5 min read. -->" in note
    assert '<!-- Clickbait check: 8% Legit: "The title promises an ordered plan and the video gives exactly that." -->' in note
    assert note.count("### In my own words") == 4
    assert "## Pictures before proofs\n\n> [02:40] Animated explanations of vectors and derivatives come before any formal text.\n" \
           ">\n> A mental image makes the symbols easier to read later.\n" in note
    assert "## Books and code together\n\n> [1:00:05] A textbook chapter" in note
    assert note.count("/// card | ") == 3
    assert ('/// card | What should come before a formal textbook?\n    level: easy\n    at: "02:55"\n'
            "Animated, visual explanations of the ideas:\n\n&#45; vectors as arrows\n\n&#45; derivatives as slopes\n///\n") in note
    assert '    level: hard\n    at: "1:01:02"\n' in note
    assert "- 💡 [01:15] **The debugging argument**: Math is framed as a debugging tool rather than a gatekeeping exam." in note
    assert "## Mentioned in the video" not in note
    transcript = (site / "transcripts" / "Qm4tR8vLx2A.txt").read_text(encoding="utf-8").splitlines()
    assert transcript == [
        "[00:00] Hi, today I want to talk about the order in which to learn the math.",
        "[00:48] Why learn it at all? Because one day your model will misbehave.",
        "[02:40] So my first step would be pictures. That is, short animations before any book.",
        "[1:00:05] Finally, pair every chapter with code.",
    ]
    assert (site / "resources.yml").read_text(encoding="utf-8") == EXISTING
    assert not (site / "resources.yml.bak").exists()
    page = SAMPLES / "timed-topics-same-line.txt"
    assert capsys.readouterr().out.splitlines() == [
        f"draft note {site}/notes/the-math-for-ml-in-order.md: 3 sections, 3 cards, 2 best moments, 0 resources mentioned",
        f"transcript {site}/transcripts/Qm4tR8vLx2A.txt: 4 paragraphs",
        f"{page}:1: 'StudyNotes ← Summarise another video' left out (not part of the summary)",
        f"{page}:24: 'Mentioned in this Video' is empty",
    ]


def test_plain_paragraphs_page_adds_only_new_resources_and_warns_about_the_title(site, capsys):
    assert run(site, "plain-paragraphs-glued.txt") == 0
    note_path = site / "notes" / "notes-on-video-zp9-kw3eyb0.md"
    note = note_path.read_text(encoding="utf-8")
    assert note.startswith("Title: Notes on video Zp9_kW3eYb0\nDate: 2026-10-10 09:00\nStatus: draft\n"
                           "Video: https://www.youtube.com/watch?v=Zp9_kW3eYb0\nDuration: 09:30\n")
    for heading in ("The derivative is introduced as the slope of a curve at one point",
                    "Gradient descent repeats one move: look at the gradient and…",
                    "Start small, plot the loss, and let the picture guide you"):
        assert f"\n## {heading}\n\n> " in note
    assert note.count("### In my own words") == 5
    assert "- [05:40] **The loss curve flattens**: Watching the loss shrink" in note
    assert "- [08:12] **Fog on the hill**: Gradient descent pictured" in note
    assert "- [NumPy](res:numpy) (tool)\n- [StatQuest](res:stat-quest) (channel)\n" \
           "- [Deep Learning Book](res:deep-learning-book) (book)\n" in note
    text = (site / "resources.yml").read_text(encoding="utf-8")
    assert text.startswith(EXISTING)  # existing entries untouched, byte for byte
    entries = yaml.safe_load(text)
    assert entries[2:] == [{
        "id": "deep-learning-book", "title": "Deep Learning Book", "kind": "book", "tags": ["from-video"],
        "notes": "Mentioned in the video https://www.youtube.com/watch?v=Zp9_kW3eYb0",
    }]
    assert (site / "resources.yml.bak").read_text(encoding="utf-8") == EXISTING
    line = text.splitlines().index("- id: deep-learning-book") + 1
    assert capsys.readouterr().out.splitlines() == [
        f"draft note {note_path}: 4 sections, 2 cards, 2 best moments, 3 resources mentioned",
        f"transcript {site}/transcripts/Zp9_kW3eYb0.txt: 5 paragraphs",
        f"1 new resource(s) in {site}/resources.yml; add the url of each:",
        f"  {site}/resources.yml:{line}: deep-learning-book (book)",
        f"already in {site}/resources.yml: numpy, stat-quest",
        f"the page carries no title: the note is titled 'Notes on video Zp9_kW3eYb0'; "
        f"set it with --title \"...\" or edit Title: in {note_path}",
        f"backup of the previous resources.yml: {site}/resources.yml.bak",
    ]


def test_missing_sections_are_named(site, tmp_path, capsys):
    page = tmp_path / "short.txt"
    page.write_text("Video abcdefghijk\nAI Summary\nJust the summary.\n", encoding="utf-8")
    assert run(site, page, "--slug", "short") == 0
    out = capsys.readouterr().out
    assert ("sections not on the page: Clickbait Check, Mentioned in this Video, Study Flashcards, "
            "Best Moments, Full Transcript\n") in out
    assert "no transcript on the page: the own-words check has nothing to compare\n" in out
    note = (site / "notes" / "short.md").read_text(encoding="utf-8")
    assert "Transcript:" not in note and "> Just the summary." in note


def test_reimport_refuses_without_force_keeps_a_backup_with_it_and_never_duplicates_resources(site, capsys):
    assert run(site, "plain-paragraphs-glued.txt", "--slug", "gd") == 0
    note = site / "notes" / "gd.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nMy own words, written by hand.\n", encoding="utf-8")
    mine = note.read_text(encoding="utf-8")
    resources = (site / "resources.yml").read_text(encoding="utf-8")
    before = snapshot(site)
    capsys.readouterr()
    assert run(site, "plain-paragraphs-glued.txt", "--slug", "gd") == 1
    assert capsys.readouterr().err.splitlines() == [
        f"studyfolio: {note} already exists; choose another --slug or pass --force to replace it (a backup is kept)",
        "nothing was written",
    ]
    assert snapshot(site) == before
    assert run(site, "plain-paragraphs-glued.txt", "--slug", "gd", "--force") == 0
    assert (site / "notes" / "gd.md.bak").read_text(encoding="utf-8") == mine
    assert (site / "resources.yml").read_text(encoding="utf-8") == resources
    assert "already in" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "nothing.txt", "nothing.txt: no such file"),
        (lambda tmp: tmp, "is a folder; give the text file of one summary page"),
        (lambda tmp: (tmp / "bin.txt").write_bytes(b"\xff\xfe\x00junk") and tmp / "bin.txt",
         "bin.txt: not UTF-8 text; save the page as plain text (UTF-8)"),
        (lambda tmp: (tmp / "empty.txt").write_text("") == 0 and tmp / "empty.txt",
         "empty.txt: the file is empty: save the summary page as text into it"),
        (lambda tmp: (tmp / "other.txt").write_text("Résumé\nTexte.\n") and tmp / "other.txt",
         "other.txt: not a video summary page: no line 'Video <id>', no YouTube link, and none of its "
         "sections ('AI Summary', 'Study Flashcards', 'Full Transcript')"),
    ],
)
def test_unreadable_input_writes_nothing(site, tmp_path, capsys, make, message):
    before = snapshot(site)
    page = make(tmp_path)
    assert main(["import", "summary", str(page), "--content", str(site)]) == 1
    first, second = capsys.readouterr().err.splitlines()
    assert first.startswith("studyfolio: ") and first.endswith(message)
    assert second == "nothing was written"
    assert snapshot(site) == before


def test_broken_resources_file_stops_the_import(site, capsys):
    (site / "resources.yml").write_text("- id: [broken\n", encoding="utf-8")
    before = snapshot(site)
    assert run(site, "plain-paragraphs-glued.txt") == 1
    assert "resources.yml is not valid YAML (ParserError); fix it first" in capsys.readouterr().err
    assert snapshot(site) == before


def test_bad_slug_and_dry_run(site, capsys):
    assert run(site, "plain-paragraphs-glued.txt", "--slug", "Bad Slug") == 1
    assert "slug 'Bad Slug' is not lowercase words joined by '-'" in capsys.readouterr().err
    before = snapshot(site)
    assert run(site, "plain-paragraphs-glued.txt", "--dry-run") == 0
    assert "dry run, nothing written" in capsys.readouterr().out
    assert snapshot(site) == before


def test_a_write_that_fails_half_way_leaves_every_file_as_it_was(site):
    """A real fault: the import runs with a 64 KB file-size limit, so the note is written beside
    its place but the grown resources.yml (over the limit) is not; nothing may change."""
    import resource
    import signal
    import subprocess
    import sys

    (site / "resources.yml").write_text(EXISTING + "# padding\n" * 8000, encoding="utf-8")
    before = snapshot(site)

    def limit_file_size():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write over the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (64_000, 64_000))

    done = subprocess.run(
        [sys.executable, "-m", "studyfolio.cli", "import", "summary", str(SAMPLES / "plain-paragraphs-glued.txt"),
         "--content", str(site), "--date", "2026-10-10 09:00"],
        capture_output=True, text=True, preexec_fn=limit_file_size, timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr == f"studyfolio: {site / 'resources.yml'}: cannot be written (File too large); nothing was written\n"
    assert "Traceback" not in done.stderr
    assert snapshot(site) == before


def test_new_resources_go_to_the_file_the_settings_name(site, monkeypatch, capsys):
    """STUDYFOLIO_RESOURCES in the settings file (pelicanconf.py here) names the resources file."""
    monkeypatch.chdir(site.parent)
    (site.parent / "pelicanconf.py").write_text("PATH = 'content'\nSTUDYFOLIO_RESOURCES = 'library.yml'\n")
    before = (site / "resources.yml").read_bytes()
    assert main(["import", "summary", str(SAMPLES / "plain-paragraphs-glued.txt"), "--date", "2026-10-10 09:00"]) == 0
    assert "new resource(s) in content/library.yml" in capsys.readouterr().out
    assert yaml.safe_load((site / "library.yml").read_text(encoding="utf-8"))
    assert (site / "resources.yml").read_bytes() == before
