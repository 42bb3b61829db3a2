"""`studyfolio new`: the note it writes, the slug, the area, topics, level and video it checks,
what it refuses (writing nothing), and a strict build of the draft with no problem reported."""

import re
from datetime import datetime
from pathlib import Path

import pytest

from sitebuild import ROOT, build_site, report_lines
from studyfolio.cli import main

NOTES = {
    "vectors.md": "Title: Vectors\nDate: 2026-09-01 10:00\nCategory: Linear algebra\n\nArrows with a length.\n",
    "rank.md": "Title: Rank\nDate: 2026-09-02 10:00\nCategory: linear algebra\n\nThe same area, another case.\n",
    "mean.md": "Title: The mean\nDate: 2026-09-03 10:00\nCategory: Statistics\nTopics: mean\n\nThe balance point.\n",
    "limits.md": "Title: Limits\nDate: 2026-09-04 10:00\nCategory: Calculus\n\nCategory: in the body is no area.\n",
    "why.md": "Title: Why I study\nDate: 2026-09-05 10:00\nCategory: Journey\n\nBecause.\n",
    "loose.md": "Title: No category\nDate: 2026-09-06 10:00\n\nNot in any area.\n",
}
ROADMAP = """\
title: Math for ML
stages:
  - title: Basics
    topics:
      - id: mean
        title: Mean
      - id: eigenvalues
        title: Eigenvalues
      - id: eigenvectors
        title: Eigenvectors
        prerequisites: [eigenvalues]
"""
AREAS = "Calculus, Journey, Linear algebra, Statistics"
NEXT = ("next: edit it, then `make serve` and open http://localhost:8000/drafts/{slug}.html;"
        " remove `Status: draft` to publish")

FULL_NOTE = """\
Title: Eigenvalues, my way
Date: 2026-10-10 09:00
Category: Linear algebra
Status: draft
Level: Intermediate
Topics: eigenvalues, eigenvectors
Video: https://www.youtube.com/watch?v=PFDu9oVAE-g

<!-- A draft: only you see it, at /drafts/eigenvalues-my-way.html. Comments like this one are
prompts for you; the page never shows them, so delete each once its section is written. Before
you publish, add `Summary: one sentence` (and `Tags:`, `Audience:` if you like) to the lines at
the top, then remove `Status: draft`. -->

## In my own words

<!-- Explain the idea to a friend who is smart but has not met it yet, or to yourself six months
from now. No pasted definitions: where you cannot say it plainly is where to dig. -->

## The formula in plain English

<!-- Translate the formula symbol by symbol, then read the whole of it as one sentence. To use
the block below, take it out of its comment (delete the line before it and the line after it)
and put your formula in place of the example; the build checks that every symbol you list is in
the formula. -->

<!--
/// explain | $y = mx + b$
$m$: how steep the line is
$b$: where the line crosses the y-axis

For every step to the right, y climbs by m, starting from b.
///
-->

## How the resources compare

<!-- One idea, several explanations: what did the video, the course and the book each make
clear, and what is the idea where they overlap? Name each resource by its id in
content/resources.yml; a style is visual, intuitive, simple, practical or formal. To use the
block below, take it out of its comment (delete the line before it and the line after it). -->

<!--
//// compare | The idea of this note
/// explanation | res:RESOURCE-ID
    style: visual
What this resource made clear, in your words.
///
/// explanation | res:ANOTHER-RESOURCE-ID
    style: formal
What this one added.
///
My synthesis: what the explanations agree on, and what each angle is good for.
////
-->

## Cards

<!-- A handful of questions this note answers, each easy, medium or hard; they join your reviews
once the note is published. To use the card below, take it out of its comment (delete the line
before it and the line after it); copy it for each question. `at:` is the moment of the video
where the answer is: the card links there. -->

<!--
/// card | A question this note answers?
    level: medium
    at: "00:00"
The answer, in a sentence or two of your own.
///
-->
"""


def make_site(content: Path) -> Path:
    (content / "notes").mkdir(parents=True)
    (content / "roadmaps").mkdir()
    for name, text in NOTES.items():
        (content / "notes" / name).write_text(text, encoding="utf-8")
    (content / "roadmaps" / "math.yml").write_text(ROADMAP, encoding="utf-8")
    return content


@pytest.fixture
def site(tmp_path):
    return make_site(tmp_path / "content")


def new(site, *args, date="2026-10-10 09:00"):
    return main(["new", *args, "--content", str(site), *(["--date", date] if date else [])])


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_full_invocation_writes_the_note_and_says_what_next(site, capsys):
    assert new(site, "Eigenvalues, my way", "--area", "linear-algebra", "--level", "intermediate",
               "--topics", "eigenvalues, eigenvectors", "--video", "https://www.youtube.com/watch?v=PFDu9oVAE-g") == 0
    path = site / "notes" / "eigenvalues-my-way.md"
    assert path.read_text(encoding="utf-8") == FULL_NOTE
    assert capsys.readouterr().out.splitlines() == [f"wrote {path}", NEXT.format(slug="eigenvalues-my-way")]
    assert not [p for p in (site / "notes").iterdir() if p.name.endswith(".part")]


def test_the_least_the_note_has_and_a_hint_for_its_area(site, capsys):
    assert new(site, "Gradients") == 0
    text = (site / "notes" / "gradients.md").read_text(encoding="utf-8")
    assert text.split("\n\n", 1)[0].splitlines() == ["Title: Gradients", "Date: 2026-10-10 09:00", "Status: draft"]
    assert "at:" not in text and "moment of the video" not in text
    assert capsys.readouterr().out.splitlines() == [
        f"wrote {site}/notes/gradients.md",
        f"no --area: the note has no Category: line; add one of {AREAS}",
        NEXT.format(slug="gradients"),
    ]


def test_the_date_is_now_in_local_time_by_default(site):
    before = datetime.now().replace(second=0, microsecond=0)
    assert new(site, "Now", date=None) == 0
    head = (site / "notes" / "now.md").read_text(encoding="utf-8").splitlines()
    stamp = re.fullmatch(r"Date: (\d{4}-\d\d-\d\d \d\d:\d\d)", head[1])
    assert stamp and before <= datetime.strptime(stamp.group(1), "%Y-%m-%d %H:%M") <= datetime.now()


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Eigenvalues, my way", "eigenvalues-my-way"),
        ("Théorème de Bayes: l'intuition", "theoreme-de-bayes-lintuition"),
        ("Straße & Æther, déjà vu", "strasse-aether-deja-vu"),
        ("  The   chain rule (again!) -- part 2  ", "the-chain-rule-again-part-2"),
        ("Bayes’ theorem", "bayes-theorem"),
        ("One two three four five six seven eight nine ten eleven twelve thirteen",
         "one-two-three-four-five-six-seven-eight-nine-ten-eleven"),
    ],
)
def test_the_slug_folds_the_title_to_lowercase_ascii_words(site, capsys, title, slug):
    assert new(site, title) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"wrote {site}/notes/{slug}.md"
    assert (site / "notes" / f"{slug}.md").read_text(encoding="utf-8").startswith(f"Title: {' '.join(title.split())}\n")


def test_slug_option_area_by_name_in_any_case_and_a_missing_notes_folder(tmp_path, capsys):
    content = tmp_path / "content"
    content.mkdir()
    assert new(content, "First note", "--slug", "start-here", "--area", "Linear Algebra") == 0
    assert (content / "notes" / "start-here.md").read_text(encoding="utf-8").startswith(
        "Title: First note\nDate: 2026-10-10 09:00\nCategory: Linear Algebra\nStatus: draft\n\n")
    capsys.readouterr()
    assert new(content, "Second", "--area", "LINEAR-ALGEBRA") == 0
    assert "\nCategory: Linear Algebra\n" in (content / "notes" / "second.md").read_text(encoding="utf-8")


def test_an_existing_note_is_never_replaced(site, capsys):
    path = site / "notes" / "vectors.md"
    before = snapshot(site)
    assert new(site, "Vectors") == 1
    assert capsys.readouterr().err.splitlines() == [f"studyfolio: {path} already exists; choose another --slug"]
    assert new(site, "Something else", "--slug", "vectors") == 1
    assert capsys.readouterr().err.splitlines() == [f"studyfolio: {path} already exists; choose another --slug"]
    assert snapshot(site) == before


@pytest.mark.parametrize(
    ("args", "err"),
    [
        (["--area", "linear-algebr"], [
            f"studyfolio: unknown area 'linear-algebr'; the areas are {AREAS}",
            "hint: did you mean 'linear-algebra'?",
        ]),
        (["--area", "Geometry"], [
            f"studyfolio: unknown area 'Geometry'; the areas are {AREAS}",
            "hint: give an area's name or its slug (e.g. --area calculus); for a new area, leave --area out"
            " and write `Category: Its name` in the note",
        ]),
        (["--topics", "eigenvalue"], [
            "studyfolio: unknown topic 'eigenvalue': no roadmap in {site}/roadmaps/ has it",
            "hint: did you mean 'eigenvalues' or 'eigenvectors'?",
        ]),
        (["--topics", "mean,eigenvectorz,calculus"], [
            "studyfolio: unknown topics 'eigenvectorz', 'calculus': no roadmap in {site}/roadmaps/ has them",
            "hint: 'eigenvectorz': did you mean 'eigenvectors' or 'eigenvalues'?",
            "hint: 'calculus': add it to a roadmap or fix the id",
        ]),
        (["--topics", "Dot_Product"], [
            "studyfolio: topic id 'Dot_Product' is not lowercase words joined by '-'",
            "hint: e.g. --topics dot-product",
        ]),
        (["--video", "youtube.com/watch?v=PFDu9oVAE-g"], [
            "studyfolio: --video must be a web address starting with https:// or http://, got 'youtube.com/watch?v=PFDu9oVAE-g'",
            "hint: did you mean 'https://youtube.com/watch?v=PFDu9oVAE-g'?",
        ]),
        (["--video", "ftp://example.org/talk.mp4"], [
            "studyfolio: --video must be a web address starting with https:// or http://, got 'ftp://example.org/talk.mp4'",
            "hint: write the full URL, e.g. https://www.youtube.com/watch?v=VIDEO_ID",
        ]),
        (["--level", "beginer"], [
            "studyfolio: unknown level 'beginer'; expected Beginner, Intermediate or Advanced",
            "hint: did you mean 'Beginner'?",
        ]),
        (["--level", "expert"], ["studyfolio: unknown level 'expert'; expected Beginner, Intermediate or Advanced"]),
        (["--date", "2026-13-01 09:00"], [
            "studyfolio: date '2026-13-01 09:00' is not a date as YYYY-MM-DD HH:MM",
            'hint: e.g. --date "2026-10-10 09:00"',
        ]),
        (["--slug", "My_Note"], [
            "studyfolio: slug 'My_Note' is not lowercase words joined by '-'", "hint: e.g. --slug my-note",
        ]),
    ],
)
def test_a_wrong_option_is_one_line_and_a_hint_and_writes_nothing(site, capsys, args, err):
    before = snapshot(site)
    assert new(site, "Eigenvalues, my way", *args, date=None) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [line.replace("{site}", str(site)) for line in err]
    assert captured.out == ""
    assert snapshot(site) == before


def test_titles_and_folders_it_cannot_use(tmp_path, capsys):
    assert main(["new", "∑ ≠ ∫", "--content", str(tmp_path)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "studyfolio: the title '∑ ≠ ∫' gives no file name (no letters or digits in ASCII)",
        "hint: choose one with --slug, e.g. --slug my-note",
    ]
    assert main(["new", "Vectors", "--content", str(tmp_path / "nowhere")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"studyfolio: {tmp_path}/nowhere: no such folder",
        "hint: run this in the site's folder (the one with pelicanconf.py) or pass --content",
    ]
    assert list(tmp_path.iterdir()) == []


def test_topics_are_free_when_the_site_has_no_roadmap(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    assert new(content, "Free", "--topics", "anything-goes") == 0
    assert "\nTopics: anything-goes\n" in (content / "notes" / "free.md").read_text(encoding="utf-8")


def test_dry_run_writes_nothing_and_shows_the_metadata(tmp_path, capsys):
    content = tmp_path / "content"
    content.mkdir()
    assert new(content, "Eigenvalues, my way", "--level", "advanced", "--dry-run") == 0
    assert capsys.readouterr().out.splitlines() == [
        f"dry run, nothing written; would write {content}/notes/eigenvalues-my-way.md:",
        "  Title: Eigenvalues, my way",
        "  Date: 2026-10-10 09:00",
        "  Status: draft",
        "  Level: Advanced",
        NEXT.format(slug="eigenvalues-my-way"),
    ]
    assert list(content.iterdir()) == []


def test_new_notes_build_strictly_with_no_problem_reported(tmp_path):
    content = make_site(tmp_path / "content")
    assert new(content, "Eigenvalues, my way", "--area", "linear-algebra", "--level", "Beginner",
               "--topics", "eigenvalues", "--video", "https://www.youtube.com/watch?v=PFDu9oVAE-g") == 0
    assert new(content, "Bare bones") == 0
    output = tmp_path / "output"
    build = build_site(ROOT / "pelicanconf.py", output, content=content, extra={"STUDYFOLIO_STRICT": True})
    assert build.returncode == 0, build.log
    assert report_lines(build.log) == []
    assert "Studyfolio found" not in build.log
    for slug in ("eigenvalues-my-way", "bare-bones"):
        page = build.page(f"drafts/{slug}.html")
        assert [h.text_content().rstrip("#") for h in page.cssselect(".note-body h2")] == [
            "In my own words", "The formula in plain English", "How the resources compare", "Cards",
        ]
        assert not page.cssselect(".note-body figure, .note-body details, .note-body section, .note-body p")
    page = build.page("drafts/eigenvalues-my-way.html")
    assert page.cssselect(".note-category")[0].text_content().split() == ["Draft", "Linear", "algebra"]
    assert '"cards": []' in build.text("cards.json")


def test_a_roadmap_the_build_cannot_read_stops_topics(site, capsys):
    (site / "roadmaps" / "broken.yml").write_text("title: [unclosed\n", encoding="utf-8")
    before = snapshot(site)
    assert new(site, "Eigenvalues", "--topics", "eigenvalues") == 1
    assert capsys.readouterr().err.splitlines() == [
        f"studyfolio: {site}/roadmaps/broken.yml: not a roadmap the build can read",
        "hint: run `make html` to see why, or leave --topics out",
    ]
    assert snapshot(site) == before
