"""The source map reads a note as the parsers that render it do: Python-Markdown's Meta and
fenced_code extensions and pymdown-extensions' Blocks are run as oracles on the same text."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html
from markdown import Markdown

from studyfolio.core.source import NoteSource
from studyfolio.core.sourcemap import SourceMap

HEADERS = {
    "plain": "Title: Variance\nTags: stats, spread\n\nBody text.\n",
    "continued": "Title: Variance\nSummary: one line\n    and the next\nTags: a\n\nBody.\n",
    "dashes": "---\nTitle: Variance\nDate: 2026-10-01\n---\nBody right after.\n",
    "dots": "---\nTitle: Variance\n...\n\nBody.\n",
    "no blank": "Title: Variance\nThis line is no key\n\nBody.\n",
    "none": "Just a paragraph: with a colon later.\n\nMore.\n",
    "indented key": "   Title: Three spaces\n\nBody.\n",
    "empty": "",
}


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_metadata_is_read_as_the_meta_extension_reads_it(name):
    text = HEADERS[name]
    md = Markdown(extensions=["meta"])
    rendered = md.convert(text)
    source = SourceMap(text)
    assert source.metadata.values == md.Meta
    assert Markdown().convert("\n".join(source.lines[source.metadata.end:])) == rendered


def test_metadata_knows_the_line_of_each_key():
    source = SourceMap("---\nTitle: A\nTags: x\nTags: y\n---\nBody\n")
    assert source.metadata.keys == {"title": [2], "tags": [3, 4]}
    assert (source.metadata.end, source.metadata.fenced, source.metadata.line_of("Tags")) == (5, True, 3)
    assert source.metadata.value("title") == "A" and source.metadata.line_of("date", 9) == 9


CODE = {
    "fence": "Intro\n\n```python\nx = 1\n```\n\nAfter\n",
    "tilde with attributes": "~~~ {.python}\ncode\n~~~\n",
    "never closed": "```\nnot code at all\n\nstill prose\n",
    "closed by a longer fence only": "```\ncode?\n````\n",
    "closed by the same fence": "````\n```\ninside\n```\n````\n",
    "indented fence is not a fence": "- item\n\n    ```\n    code in a list\n    ```\n",
    "indented code": "Para\n\n    code line\n\n    more code\n\nPara\n",
    "indented after a paragraph line": "Para\n    lazy continuation\n",
    "list continuation": "- item\n\n    continued paragraph\n",
    "two fences": "```\na\n```\ntext\n~~~\nb\n~~~\n",
}


@pytest.mark.parametrize("name", sorted(CODE))
def test_code_is_found_as_python_markdown_finds_it(name):
    text = CODE[name]
    rendered = Markdown(extensions=["fenced_code"]).convert(text)
    blocks = lxml_html.fragment_fromstring(rendered, create_parent="div").findall(".//pre")
    source = SourceMap(text)
    assert len(source.fences) + len(source.indented_code) == len(blocks)


def test_code_lines_and_fences_have_their_lines():
    source = SourceMap(CODE["fence"] + CODE["indented code"])
    assert [(f.start, f.end, f.fence, f.info) for f in source.fences] == [(3, 5, "```", "python")]
    assert source.indented_code == [(10, 12)]
    assert [n for n in range(1, 15) if source.in_code(n)] == [3, 4, 5, 10, 11, 12]


BLOCKS = {
    "one": "/// details | Why?\nBecause.\n///\n",
    "nested by slash count": "//// details | Outer\n/// details | Inner\nx\n///\ny\n////\n",
    "in a quote": "> /// details | Quoted\n> inside\n> ///\n",
    "in a list item": "- item\n\n    /// details | Listed\n    inside\n    ///\n",
    "in a fence": "```\n/// details | Code\n///\n```\n",
    "unknown name is text": "/// details | A\n/// unknown | B\n///\nrest\n",
    "options": "/// details | Opt\n    type: note\n    open: true\nBody.\n///\n",
    "never closed": "/// details | Open\nto the end\n",
}


@pytest.mark.parametrize("name", sorted(BLOCKS))
def test_blocks_are_found_as_pymdownx_blocks_reads_them(name):
    text = BLOCKS[name]
    rendered = Markdown(extensions=["fenced_code", "pymdownx.blocks.details"]).convert(text)
    built = lxml_html.fragment_fromstring(rendered, create_parent="div").findall(".//details")
    found = SourceMap(text).blocks_for(frozenset({"details"}))
    assert len(found) == len(built)
    summaries = [d.findtext("summary") for d in built]
    assert [b.argument for b in found] == summaries


def test_blocks_know_their_nesting_ends_and_options():
    source = SourceMap(BLOCKS["nested by slash count"] + "\n" + BLOCKS["options"] + "\n" + BLOCKS["in a quote"])
    found = source.blocks_for(frozenset({"details"}))
    assert [(b.line, b.end, b.slashes, b.parent, b.quoted) for b in found] == [
        (1, 6, 4, None, False), (2, 4, 3, 0, False), (8, 12, 3, None, False), (14, 16, 3, None, True),
    ]
    assert found[2].option_lines == (9, 10) and found[2].body == (11, 11)
    assert source.options_text(found[2]) == "type: note\nopen: true"
    assert [b.top_level for b in found] == [True, True, True, False]


def test_an_unknown_name_takes_no_closer_from_a_known_block():
    found = SourceMap(BLOCKS["unknown name is text"]).blocks_for(frozenset({"details"}))
    assert [(b.line, b.end) for b in found] == [(1, 3)]
    every = SourceMap(BLOCKS["unknown name is text"]).blocks
    assert [(b.name, b.end) for b in every] == [("details", 0), ("unknown", 3)]


def spans(text: str) -> list[tuple]:
    return [(s.kind, s.line, s.column, s.end_line, s.end_column, s.text) for s in SourceMap(text).spans]


def test_math_and_code_spans_in_prose():
    assert spans("Cost $x^2$ and `code $y$` and \\(z\\); $5 and $6 are prices.\n") == [
        ("math", 1, 6, 1, 11, "x^2"),
        ("code", 1, 16, 1, 26, "code $y$"),
        ("math", 1, 31, 1, 36, "z"),
    ]


def test_display_math_runs_over_blank_lines_to_its_closer():
    assert spans("$$\n\\sum_i x_i\n\n= 1\n$$\n\nAfter.\n") == [
        ("display math", 1, 1, 5, 3, "\n\\sum_i x_i\n\n= 1\n"),
    ]
    assert spans("\\[ a \\]\n") == [("display math", 1, 1, 1, 8, " a ")]


def test_math_in_code_or_a_fence_is_not_math_but_a_block_argument_is():
    assert spans("```\n$x$\n```\n\n    $y$ in code\n") == []
    assert spans("/// explain | $y = mx$\nText.\n///\n") == [("math", 1, 15, 1, 23, "y = mx")]


def test_wikilinks_outside_code_and_math():
    source = SourceMap("See [[Other note#Part|the part]], ![[plot.png|300]] and `[[not a link]]`.\n")
    assert [(w.line, w.column, w.target, w.heading, w.alias, w.embed) for w in source.wikilinks] == [
        (1, 5, "Other note", "Part", "the part", False),
        (1, 35, "plot.png", "", "300", True),
    ]
    [block] = SourceMap("Quote [[note^block-id]]\n").wikilinks
    assert (block.target, block.block) == ("note", "block-id")


def test_lines_are_as_markdown_sees_them_and_the_note_reads_its_map_once():
    source = SourceMap("Title: x\r\n\r\n\tindented by a tab\r\n")
    assert source.lines == ["Title: x", "", "    indented by a tab", ""]
    assert source.indented_code == [(3, 3)]
    note = NoteSource("content/notes/x.md", "Title: x\n\nBody\n")
    assert note.map is note.map
    assert note.map_of(note.text.split("\n")) is note.map
    assert note.map_of(["Other: text"]) is not note.map


def test_a_display_formula_ends_at_its_first_closer_and_the_text_after_is_prose():
    text = "$$\nx^2\n$$\nText right under it, with $y$.\n\n## Heading\n\n$$z$$\n"
    assert spans(text) == [
        ("display math", 1, 1, 3, 3, "\nx^2\n"),
        ("math", 4, 27, 4, 30, "y"),
        ("display math", 8, 1, 8, 6, "z"),
    ]


def test_an_environment_outside_delimiters_is_display_math():
    assert spans("Text.\n\n\\begin{align*}\na &= b\n\\end{align*}\nAfter $x$.\n") == [
        ("display math", 3, 1, 5, 13, "\na &= b\n"),
        ("math", 6, 7, 6, 10, "x"),
    ]
