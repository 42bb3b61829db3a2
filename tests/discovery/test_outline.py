"""A long note's "On this page" list from its headings: h2 with their h3 under them, none for short notes."""

from studyfolio.discovery.catalog import Heading, headings_of
from studyfolio.discovery.fragments import parse_fragment
from studyfolio.discovery.outline import OutlineItem, outline

LONG = """
<h2 id="why">Why <a class="headerlink" href="#why">#</a></h2><p>x</p>
<h3 id="first">First try</h3>
<h3 id="second">Second try</h3>
<h4 id="detail">A detail</h4>
<h2 id="how">How <math alttext="x^2"><mi>x</mi></math></h2>
<h2 id="last">What I would tell my past self</h2>
"""


def test_h2_and_h3_make_a_two_level_list_without_permalinks_or_deeper_headings():
    assert outline(headings_of(parse_fragment(LONG))) == (
        OutlineItem("why", "Why", (OutlineItem("first", "First try"), OutlineItem("second", "Second try"))),
        OutlineItem("how", "How x^2"),
        OutlineItem("last", "What I would tell my past self"),
    )


def test_a_note_with_fewer_than_four_h2_or_h3_has_none():
    three = [Heading("a", "A", 2), Heading("b", "B", 3), Heading("c", "C", 2), Heading("d", "D", 4)]
    assert outline(three) == ()
    assert outline([*three, Heading("e", "E", 3)]) != ()


def test_an_h3_before_any_h2_stands_at_the_top():
    headings = [Heading("intro", "Intro", 3), *(Heading(f"s{i}", f"S{i}", 2) for i in range(3))]
    assert [item.id for item in outline(headings)] == ["intro", "s0", "s1", "s2"]
    assert all(item.children == () for item in outline(headings))
