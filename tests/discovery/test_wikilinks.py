"""Wikilinks: Markdown in, HTML out; first the placeholder a note renders to on its own, then the
link it becomes once every note is known, and the errors for targets that cannot be found."""

import pytest
from discovery_helpers import problems

from markdown_pairs import render
from studyfolio.discovery.wikilinks import split_wikilink

EXT = "studyfolio.discovery.wikilinks"
HEAD = "Date: 2026-09-01 09:00\nCategory: Linear algebra\n"


@pytest.mark.parametrize(
    ("inner", "parts"),
    [
        ("Variance", ("Variance", "", None)),
        ("svd|the SVD", ("svd", "", "the SVD")),
        ("svd#Why it works", ("svd", "Why it works", None)),
        (" svd # The idea | it ", ("svd", "The idea", "it")),
        ("#Local heading", ("", "Local heading", None)),
        ("svd\\|shown", ("svd", "", "shown")),
        ("svd|", ("svd", "", None)),
    ],
)
def test_split_wikilink(inner, parts):
    assert split_wikilink(inner) == parts


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "See [[Variance]].",
            '<p>See <a class="wikilink" data-wikilink="Variance" data-wikilink-auto="" data-wikilink-line="1" data-wikilink-source="[[Variance]]">Variance</a>.</p>',
        ),
        (
            "See [[svd#The idea|the *SVD*]].",
            '<p>See <a class="wikilink" data-wikilink="svd" data-wikilink-heading="The idea" data-wikilink-line="1" data-wikilink-source="[[svd#The idea|the *SVD*]]">the <em>SVD</em></a>.</p>',
        ),
        ("Code stays code: `[[svd]]`.", "<p>Code stays code: <code>[[svd]]</code>.</p>"),
        ("Escaped: \\[[svd]].", "<p>Escaped: [[svd]].</p>"),
        ("Not a link: [[a\nb]].", "<p>Not a link: [[a\nb]].</p>"),
    ],
)
def test_placeholder_pairs(source, expected):
    html, reported = render(source, EXT)
    assert html == expected
    assert reported == []


def test_pipe_escaped_in_a_table_cell_keeps_the_shown_text():
    html, _ = render("| a |\n|---|\n| [[svd\\|the SVD]] |", EXT)
    assert '<td><a class="wikilink" data-wikilink="svd" data-wikilink-line="3"' in html
    assert ">the SVD</a></td>" in html


def test_read_time_errors_name_their_lines():
    source = "First line.\n\nAn empty one: [[]].\n\nAn embed: ![[svd]].\n"
    html, reported = render(source, EXT)
    assert reported == [  # an embed is shown once every note is known (transclusion.py)
        "content/notes/t.md:3: empty wikilink [[]]\n    hint: write [[note title]] or [[slug|shown text]]",
    ]
    assert "<p>An empty one: [[]].</p>" in html


def test_the_same_wikilink_twice_is_reported_at_each_line(note_set):
    notes = note_set({"a.md": f"Title: A\n{HEAD}\n[[nope]] once.\n\nAnd [[nope]] twice.\n"})
    assert [p.splitlines()[0] for p in problems(notes["a"])] == [
        "content/notes/a.md:5: unknown note in [[nope]]",
        "content/notes/a.md:7: unknown note in [[nope]]",
    ]


NOTES = {
    "vectors.md": f"Title: Vectors\n{HEAD}\n## Adding them\n\nAdd them entry by entry.\n",
    "svd.md": f"Title: SVD, explained to a friend\n{HEAD}\n## The idea\n\nRotate, stretch, rotate.\n",
    "mean-a.md": f"Title: Mean\n{HEAD}\nArithmetic.\n",
    "mean-b.md": f"Title: Mean\n{HEAD}\nGeometric.\n",
    "later.md": f"Title: Later\n{HEAD}Status: draft\n\nNot yet.\n",
}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[[vectors]]", '<a class="wikilink" href="/notes/vectors/" data-note="vectors">Vectors</a>'),
        ("[[VECTORS]]", '<a class="wikilink" href="/notes/vectors/" data-note="vectors">Vectors</a>'),
        ("[[svd, explained to a friend]]", '<a class="wikilink" href="/notes/svd/" data-note="svd">svd, explained to a friend</a>'),
        ("[[svd|the SVD]]", '<a class="wikilink" href="/notes/svd/" data-note="svd">the SVD</a>'),
        ("[[svd#The idea]]", '<a class="wikilink" href="/notes/svd/#the-idea" data-note="svd">SVD, explained to a friend › The idea</a>'),
        ("[[svd#the-idea|idea]]", '<a class="wikilink" href="/notes/svd/#the-idea" data-note="svd">idea</a>'),
        ("[[#Mine]]", '<a class="wikilink" href="#mine">Mine</a>'),
        ("[[mean-b]]", '<a class="wikilink" href="/notes/mean-b/" data-note="mean-b">Mean</a>'),
    ],
)
def test_resolved_pairs(note_set, line, expected):
    notes = note_set({**NOTES, "a.md": f"Title: A\n{HEAD}\n## Mine\n\nSee {line}.\n"})
    assert f"<p>See {expected}.</p>" in notes["a"].content
    assert problems(notes["a"]) == []


@pytest.mark.parametrize(
    ("line", "shown", "error"),
    [
        (
            "[[Vectrs]]",
            '<span class="wikilink wikilink-missing" title="unknown note in [[Vectrs]]">Vectrs</span>',
            "content/notes/a.md:5: unknown note in [[Vectrs]]\n    hint: did you mean 'Vectors'?",
        ),
        (
            "[[Quaternions]]",
            '<span class="wikilink wikilink-missing" title="unknown note in [[Quaternions]]">Quaternions</span>',
            "content/notes/a.md:5: unknown note in [[Quaternions]]\n    hint: link a note by its file name without .md (its slug) or by its title",
        ),
        (
            "[[Mean|the mean]]",
            '<span class="wikilink wikilink-missing" title="ambiguous wikilink [[Mean]]: 2 notes have this title: content/notes/mean-a.md, content/notes/mean-b.md">the mean</span>',
            "content/notes/a.md:5: ambiguous wikilink [[Mean]]: 2 notes have this title: content/notes/mean-a.md, content/notes/mean-b.md\n    hint: link by slug instead: [[mean-a]] or [[mean-b]]",
        ),
        (
            "[[later]]",
            '<span class="wikilink wikilink-missing" title="[[later]] links to a draft (content/notes/later.md)">later</span>',
            "content/notes/a.md:5: [[later]] links to a draft (content/notes/later.md)\n    hint: publish it (remove `Status: draft`) or remove the link",
        ),
        (
            "[[svd#The ideas]]",
            '<a class="wikilink" href="/notes/svd/" data-note="svd">SVD, explained to a friend</a>',
            "content/notes/a.md:5: [[svd#The ideas]]: note 'svd' has no heading 'The ideas'\n    hint: did you mean 'The idea'?",
        ),
        (
            "[[#Nowhere]]",
            '<span class="wikilink wikilink-missing" title="[[#Nowhere]]: this note has no heading \'Nowhere\'">Nowhere</span>',
            "content/notes/a.md:5: [[#Nowhere]]: this note has no heading 'Nowhere'\n    hint: it has no headings",
        ),
    ],
)
def test_unresolvable_targets_are_marked_and_reported(note_set, line, shown, error):
    notes = note_set({**NOTES, "a.md": f"Title: A\n{HEAD}\nSee {line}.\n"})
    assert f"<p>See {shown}.</p>" in notes["a"].content
    assert problems(notes["a"]) == [error]


def test_a_slug_wins_over_another_notes_title(note_set):
    notes = note_set({
        "vectors.md": f"Title: Vectors\n{HEAD}\nThe note.\n",
        "arrows.md": f"Title: vectors\n{HEAD}\nAnother note titled like a slug.\n",
        "a.md": f"Title: A\n{HEAD}\nSee [[Vectors]].\n",
    })
    assert 'href="/notes/vectors/"' in notes["a"].content
    assert problems(notes["a"]) == []


def test_a_draft_may_link_to_a_draft(note_set):
    notes = note_set({
        "later.md": f"Title: Later\n{HEAD}Status: draft\n\nNot yet.\n",
        "other.md": f"Title: Other\n{HEAD}Status: draft\n\nSee [[later]].\n",
    })
    assert '<a class="wikilink" href="/drafts/later.html" data-note="later">Later</a>' in notes["other"].content
    assert problems(notes["other"]) == []


def test_wikilinks_in_a_summary_are_resolved_too(note_set):
    notes = note_set({
        **NOTES,
        "a.md": f"Title: A\n{HEAD}Summary: Builds on [[vectors]].\n\nBody.\n",
    })
    assert notes["a"].summary == '<p>Builds on <a class="wikilink" href="/notes/vectors/" data-note="vectors">Vectors</a>.</p>'


def test_formulas_and_text_around_a_wikilink_survive(note_set):
    notes = note_set({**NOTES, "a.md": f"Title: A\n{HEAD}\nWith $x^2$ &amp; [[vectors]] &lt;ok&gt;.\n"})
    body = notes["a"].content
    assert 'alttext="x^2"' in body
    assert "&amp; <a class=\"wikilink\" href=\"/notes/vectors/\" data-note=\"vectors\">Vectors</a> &lt;ok&gt;." in body
