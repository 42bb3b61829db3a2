"""Backlinks ("Linked from" with the sentence around each link) and series (order, previous/next,
and the problems reported for a series that cannot be ordered)."""

import pytest
from discovery_helpers import problems

from studyfolio.discovery.links import sentence_around

HEAD = "Date: 2026-09-0{day} 09:00\nCategory: Linear algebra\n"


def note(title: str, day: int, body: str, extra: str = "") -> str:
    return f"Title: {title}\n{HEAD.format(day=day)}{extra}\n{body}\n"


@pytest.mark.parametrize(
    ("before", "text", "after", "expected"),
    [
        ("First idea. Then the ", "dot product", " appears. Another one.", ("Then the ", "dot product", " appears.")),
        ("", "Vectors", " come first", ("", "Vectors", " come first")),
        ("Is it? Yes, the\n  ", "SVD", "\nagain! No.", ("Yes, the ", "SVD", " again!")),
        ("word " * 60, "x", "", ("…" + "word " * 27, "x", "")),
    ],
)
def test_sentence_around(before, text, after, expected):
    mention = sentence_around(before, text, after)
    assert (mention.before, mention.text, mention.after) == expected


def test_backlinks_list_every_linking_note_with_its_sentences(note_set):
    notes = note_set({
        "vectors.md": note("Vectors", 1, "Arrows."),
        "dot.md": note("Dot product", 2, "Pairs of [[vectors]] multiply. Later, [[vectors|arrows]] again."),
        "matrix.md": note("Matrices", 3, "- Rows are [vectors](/notes/vectors/) too, really.\n- Columns as well."),
        "relative.md": note("Relative", 4, "Up one level: [these](../vectors/). Source: [file]({filename}vectors.md)."),
        "self.md": note("Self", 5, "This is [[self]]."),
        "draft.md": note("Draft", 6, "Drafts do not count: [[vectors]].", "Status: draft\n"),
        "outside.md": note("Outside", 7, "[Elsewhere](https://example.org/notes/vectors/) does not count."),
    })
    links = notes["vectors"].backlinks
    assert [link.note.slug for link in links] == ["dot", "matrix", "relative"]
    assert [[(m.before, m.text, m.after) for m in link.mentions] for link in links] == [
        [("Pairs of ", "Vectors", " multiply."), ("Later, ", "arrows", " again.")],
        [("Rows are ", "vectors", " too, really.")],
        [("Up one level: ", "these", "."), ("Source: ", "file", ".")],
    ]
    assert notes["self"].backlinks == []
    assert notes["outside"].backlinks == []


def test_a_formula_reads_as_its_tex_in_the_sentence(note_set):
    notes = note_set({
        "a.md": note("A", 1, "Target."),
        "b.md": note("B", 2, "Since $x^2 \\geq 0$ always, [[a]] holds."),
    })
    (mention,) = notes["a"].backlinks[0].mentions
    assert (mention.before, mention.text, mention.after) == ("Since x^2 \\geq 0 always, ", "A", " holds.")
    assert mention.before_html.startswith('Since <math xmlns="http://www.w3.org/1998/Math/MathML" display="inline" alttext="x^2 \\geq 0">')
    assert mention.before_html.endswith("</math> always, ")
    assert mention.text_html == "A"


def test_text_around_a_link_is_escaped_in_html(note_set):
    notes = note_set({
        "a.md": note("A", 1, "Target."),
        "b.md": note("B", 2, "If x &lt; y then [[a]] &amp; more."),
    })
    (mention,) = notes["a"].backlinks[0].mentions
    assert (mention.before_html, mention.after_html) == ("If x &lt; y then ", " &amp; more.")


def series_note(title, day, part=None, series="Linear algebra from scratch"):
    extra = f"Series: {series}\n" + (f"Series-Part: {part}\n" if part is not None else "")
    return note(title, day, "Body.", extra)


def test_series_order_by_part_then_date(note_set):
    notes = note_set({
        "c.md": series_note("Third", 1),
        "b.md": series_note("Second", 2, part=2),
        "a.md": series_note("First", 3, part=1),
        "d.md": series_note("Fourth", 4),
        "other.md": note("Not in a series", 5, "Body."),
    })
    place = notes["b"].series_place
    assert [n.title for n in place.series.notes] == ["First", "Second", "Third", "Fourth"]
    assert (place.part, place.previous.title, place.next.title) == (2, "First", "Third")
    assert notes["a"].series_place.previous is None
    assert notes["d"].series_place.next is None
    assert place.series.url == "series/linear-algebra-from-scratch/"
    assert not hasattr(notes["other"], "series_place")
    assert all(problems(n) == [] for n in notes.values())


def test_series_problems_are_reported_at_the_metadata_line(note_set):
    notes = note_set({
        "a.md": series_note("First", 1, part=1),
        "b.md": series_note("Also first", 2, part=1),
        "c.md": series_note("Words", 3, part="two"),
        "d.md": series_note("Shouting", 4, series="LINEAR ALGEBRA FROM SCRATCH"),
        "e.md": note("Lost part", 5, "Body.", "Series-Part: 3\n"),
    })
    assert problems(notes["b"]) == [
        "content/notes/b.md:5: part 1 of series 'Linear algebra from scratch' is also content/notes/a.md"
        "\n    hint: give each part its own number"
    ]
    assert problems(notes["c"]) == [
        "content/notes/c.md:5: Series-Part must be a whole number from 1, got 'two'\n    hint: e.g. Series-Part: 2"
    ]
    assert problems(notes["d"]) == [
        "content/notes/d.md:4: series 'LINEAR ALGEBRA FROM SCRATCH' is spelled 'Linear algebra from scratch'"
        " in content/notes/a.md\n    hint: spell a series the same way in every note"
    ]
    assert problems(notes["e"]) == [
        "content/notes/e.md:4: Series-Part without Series\n    hint: name the series too: Series: <name>"
    ]
    assert len(notes["a"].series_place.series.notes) == 4
