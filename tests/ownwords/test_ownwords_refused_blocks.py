"""Blocks pymdownx refuses stay literal text: each is reported with its line and the reason."""

import pytest
from ownwords_render import tree


@pytest.mark.parametrize(
    ("source", "message", "hint"),
    [
        ("/// explain | $x$\n    layout: diagonal\n$x$: a\n///\n",
         "invalid layout in '/// explain': 'diagonal' is not one of: auto, beside, below",
         "write it as `/// explain | $y = mx + b$` with options `layout: auto|beside|below`"),
        ("/// explain | $x$\n    colour: red\n$x$: a\n///\n",
         "unknown option 'colour' in '/// explain'", "options of '/// explain': layout"),
        ("/// explain | $x$\n    layot: below\n$x$: a\n///\n",
         "unknown option 'layot' in '/// explain'", "did you mean 'layout'?"),
        ("/// explain\n$x$: a\n///\n",
         "'/// explain' needs an argument after '|'",
         "write it as `/// explain | $y = mx + b$` with options `layout: auto|beside|below`"),
        ("/// explain | $x$\n    layout: [below\n$x$: a\n///\n",
         "the options of '/// explain' are not 'key: value' lines",
         "indent each option 4 spaces under the /// line, e.g. `    style: visual`"),
        ("//// compare\nText.\n////\n",
         "'/// compare' needs an argument after '|'",
         "write it as `//// compare | concept` holding `/// explanation | res:id` blocks, closed by `////`"),
    ],
)
def test_refused_block_is_reported(render, source, message, hint):
    html, problems = render("Before.\n\n" + source)
    assert problems == [f"content/notes/t.md:3: {message}; the block is shown as plain text\n    hint: {hint}"]
    assert len(tree(html).cssselect(".block-refused")) >= 1


def test_refused_block_after_a_good_one_gets_its_own_line(render):
    source = "/// explain | $x$\n$x$: a\n///\n\n/// explain | $x$\n    layout: up\n$x$: a\n///\n"
    _, problems = render(source)
    assert [p.split(": ", 1)[0] for p in problems] == ["content/notes/t.md:5"]


def test_headers_in_code_are_not_blocks(render):
    source = "```\n/// explain | $x$\n    layout: nope\n///\n```\n\n    /// explain | $y$\n"
    html, problems = render(source)
    assert problems == []
    assert tree(html).cssselect(".block-refused") == []
