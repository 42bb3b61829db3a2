"""`/// explain`: a formula, its symbols in plain English, a reading; problems with their lines."""

import pytest
from ownwords_render import tree, visible_text

MATH = "math"  # lxml.html drops the MathML namespace

LINE = """\
/// explain | $y = mx + b$
$m$: how steep the line is
$b$: where the line crosses the *y*-axis

For every step to the right, $y$ climbs by $m$.
///
"""


def cells(figure):
    return [
        (row.find("th").find(".//" + MATH).get("alttext") if row.find("th") is not None else None,
         row.find("td").text_content())
        for row in figure.cssselect("tbody tr")
    ]


def test_formula_table_and_reading(render):
    html, problems = render(LINE)
    assert problems == []
    [figure] = tree(html).cssselect("figure.explain")
    assert figure.get("class") == "explain explain-auto"
    [formula] = figure.cssselect(".explain-formula .math-display")
    assert formula.find(MATH).get("alttext") == "y = mx + b"
    assert formula.find(MATH).get("display") == "block"
    table = figure.cssselect("figcaption table.explain-table")[0]
    assert table.findtext("caption") == "In plain English"
    assert [th.text for th in table.cssselect("thead th")] == ["Symbol", "Means"]
    assert cells(figure) == [("m", "how steep the line is"), ("b", "where the line crosses the y-axis")]
    assert figure.cssselect("tbody td em")[0].text == "y"
    [reading] = figure.cssselect("p.explain-reading")
    assert visible_text(reading) == "In words: For every step to the right, y climbs by m."
    assert [m.get("alttext") for m in reading.iter(MATH)] == ["y", "m"]


def test_reading_is_optional_and_bullets_are_accepted(render):
    html, problems = render("/// explain | $$\\sigma^2 = \\frac{1}{n}\\sum_{i=1}^{n}(x_i - \\mu)^2$$\n- $\\sigma^2$: the variance\n- $x_i$: one value\n- $\\mu$: the mean\n///\n")
    assert problems == []
    figure = tree(html).cssselect("figure.explain")[0]
    assert [c[0] for c in cells(figure)] == ["\\sigma^2", "x_i", "\\mu"]
    assert figure.cssselect("p.explain-reading") == []


def test_symbols_listed_as_a_range_match_each_part(render):
    source = "/// explain | $c_1 \\mathbf{a}_1 + \\dots + c_n \\mathbf{a}_n = \\mathbf{0}$\n$\\mathbf{a}_1, \\dots, \\mathbf{a}_n$: the columns\n$c_1, \\dots, c_n$: the weights\n///\n"
    html, problems = render(source)
    assert problems == []


@pytest.mark.parametrize("layout", ["beside", "below"])
def test_layout_option(render, layout):
    html, problems = render(f"/// explain | $y = mx$\n    layout: {layout}\n$m$: slope\n///\n")
    assert problems == []
    assert tree(html).cssselect("figure")[0].get("class") == f"explain explain-{layout}"


def test_symbol_not_in_formula_is_reported_at_its_line(render):
    source = "Intro.\n\n/// explain | $y = mx + b$\n$m$: slope\n$k$: a constant\n$\\sum$: a sum\n///\n"
    html, problems = render(source)
    assert problems == [
        "content/notes/t.md:5: symbol $k$ is not in the formula $y = mx + b$\n"
        "    hint: list only symbols of the formula; its letters are b, m, x, y",
        "content/notes/t.md:6: symbol $\\sum$ is not in the formula $y = mx + b$\n"
        "    hint: list only symbols of the formula; its letters are b, m, x, y",
    ]
    rows = tree(html).cssselect("tbody tr")
    assert [r.get("class") for r in rows] == [None, "explain-problem", "explain-problem"]


def test_a_letter_inside_a_command_is_not_the_letter(render):
    _, problems = render("/// explain | $\\sum_i x_i$\n$m$: nothing\n$x_i$: a value\n///\n")
    assert problems == [
        "content/notes/t.md:2: symbol $m$ is not in the formula $\\sum_i x_i$\n"
        "    hint: list only symbols of the formula; its letters are i, x"
    ]


def test_malformed_lines_are_reported_and_kept_visible(render):
    source = "/// explain | $y = mx + b$\n$m$: slope\nb is the intercept\n$x$:\n///\n"
    html, problems = render(source)
    assert problems == [
        "content/notes/t.md:3: malformed line in explain block: 'b is the intercept' is not `$symbol$: meaning`\n"
        "    hint: write one symbol a line as `$m$: what it means`, then a blank line and the reading",
        "content/notes/t.md:4: malformed line in explain block: '$x$:' has no meaning after ':'\n"
        "    hint: write one symbol a line as `$m$: what it means`, then a blank line and the reading",
    ]
    problem_cells = tree(html).cssselect("tr.explain-problem td code")
    assert [c.text_content() for c in problem_cells] == ["b is the intercept", "$x$:"]


def test_symbol_twice_and_no_symbols(render):
    _, problems = render("/// explain | $y = mx$\n$m$: slope\n$m$: again\n///\n\n/// explain | $z$\n///\n")
    assert problems == [
        "content/notes/t.md:3: symbol $m$ is explained twice in this explain block\n    hint: keep one line per symbol",
        "content/notes/t.md:6: explain block for $z$ lists no symbols\n"
        "    hint: write one symbol a line as `$m$: what it means`, then a blank line and the reading",
    ]


def test_invalid_formula_is_reported_by_the_math_renderer(render):
    html, problems = render("/// explain | $\\frac{a}{b$\n$a$: top\n///\n")
    assert problems == [
        "content/notes/t.md:1: invalid TeX in $\\frac{a}{b$: unbalanced braces: 1 '{' not closed\n"
        "    hint: check the braces and command names; math is rendered at build time"
    ]
    assert tree(html).cssselect(".explain-formula pre.math-error")[0].text == "$\\frac{a}{b$"


def test_same_block_twice_reports_each_at_its_own_line(render):
    source = "/// explain | $y = mx$\n$k$: no\n///\n\nText.\n\n/// explain | $y = mx$\n$k$: no\n///\n"
    _, problems = render(source)
    assert [p.split(":")[1] for p in problems] == ["2", "8"]


def test_a_long_formula_goes_above_its_table_unless_the_author_chose(render):
    long = "/// explain | $c_1 a_1 + c_2 a_2 + c_3 a_3 + c_4 a_4 + c_5 a_5 = 0$\n$c_1$: a weight\n///\n"
    html, _ = render(long)
    assert tree(html).cssselect("figure")[0].get("class") == "explain explain-below"
    html, _ = render(long.replace("\n$c_1$", "\n    layout: beside\n$c_1$"))
    assert tree(html).cssselect("figure")[0].get("class") == "explain explain-beside"
