"""Math in notes: Markdown in, MathML out; invalid TeX reported with its line."""

import markdown
import pytest
from lxml import html as lxml_html

from markdown_pairs import render
from studyfolio.math.tex import TexError, tex_to_mathml

EXT = "studyfolio.math.extension"
NS = "{http://www.w3.org/1998/Math/MathML}"


def maths(html: str):
    tree = lxml_html.fragment_fromstring(html, create_parent="div")
    return [el for el in tree.iter() if isinstance(el.tag, str) and el.tag.endswith("math")]


def test_inline_dollar_becomes_mathml_with_tex_annotation():
    html, problems = render("Slope $y = mx + b$ here.", EXT)
    assert problems == []
    assert html == (
        '<p>Slope <math xmlns="http://www.w3.org/1998/Math/MathML" display="inline" alttext="y = mx + b">'
        "<semantics><mrow><mi>y</mi><mo>=</mo><mi>m</mi><mi>x</mi><mo>+</mo><mi>b</mi></mrow>"
        '<annotation encoding="application/x-tex">y = mx + b</annotation></semantics></math> here.</p>'
    )


def test_inline_paren_form():
    html, problems = render(r"Area \(\pi r^2\).", EXT)
    assert problems == []
    [math] = maths(html)
    assert math.get("display") == "inline"
    assert math.get("alttext") == r"\pi r^2"


@pytest.mark.parametrize("block", ["$$\n\\sum_i x_i\n$$", "\\[\n\\sum_i x_i\n\\]", "$$\\sum_i x_i$$"])
def test_display_forms_become_block_math(block):
    html, problems = render(f"Before.\n\n{block}\n\nAfter.", EXT)
    assert problems == []
    tree = lxml_html.fragment_fromstring(html, create_parent="div")
    [wrapper] = tree.find_class("math-display")
    [math] = maths(html)
    assert math.get("display") == "block"
    assert math.get("alttext") == r"\sum_i x_i"
    assert [p.text_content() for p in tree.findall("p")] == ["Before.", "After."]
    assert wrapper.tag == "div"


def test_dollars_that_are_not_math_stay_text():
    html, problems = render(r"It cost \$5 and \$10, or $5 and $10.", EXT)
    assert problems == []
    assert maths(html) == []
    assert html == "<p>It cost $5 and $10, or $5 and $10.</p>"


def test_code_keeps_its_dollars():
    source = "Use `$x$` in code.\n\n```\nprice = '$x$'\n```\n\n    $y$ indented"
    html, problems = render(source, EXT)
    assert problems == []
    assert maths(html) == []
    assert "<code>$x$</code>" in html
    assert "price = '$x$'" in html


def test_emphasis_characters_inside_math_are_not_markdown():
    html, _ = render(r"$a_1 * b_1 * c$ and $x_i$", EXT)
    assert "<em>" not in html
    assert len(maths(html)) == 2


def test_invalid_tex_is_reported_with_line_and_shown_as_error():
    source = "Title: x\n\nFine $a$.\n\nBroken $\\frac{a}{b$ here.\n"
    html, problems = render(source, EXT)
    assert problems == [
        "content/notes/t.md:5: invalid TeX in $\\frac{a}{b$: unbalanced braces: 1 '{' not closed\n"
        "    hint: check the braces and command names; math is rendered at build time"
    ]
    tree = lxml_html.fragment_fromstring(html, create_parent="div")
    [error] = tree.find_class("math-error")
    assert error.text_content() == "$\\frac{a}{b$"


def test_unknown_command_and_unclosed_display_are_reported():
    source = "A $\\foo x$ b.\n\n$$\nx + 1\n"
    _, problems = render(source, EXT)
    assert problems == [
        "content/notes/t.md:1: invalid TeX in $\\foo x$: unknown command \\foo\n"
        "    hint: check the braces and command names; math is rendered at build time",
        "content/notes/t.md:3: display math opened with $$ is never closed\n"
        "    hint: end the formula with $$",
    ]


@pytest.mark.parametrize(
    ("tex", "message"),
    [
        ("x^", "^ or _ is not followed by anything"),
        ("\\left( x", "\\left without a matching \\right"),
        ("}", "unbalanced braces: a '}' closes nothing"),
        ("  ", "empty formula"),
        ("\\begin{matrix} 1", "\\begin without a matching \\end"),
    ],
)
def test_tex_errors_say_what_to_fix(tex, message):
    with pytest.raises(TexError) as caught:
        tex_to_mathml(tex, display=False)
    assert str(caught.value) == message


def test_mathml_is_well_formed_xml_with_escaped_source():
    from xml.etree import ElementTree as ET

    markup = tex_to_mathml(r"a < b \& c", display=True)
    root = ET.fromstring(markup)
    assert root.tag == NS + "math"
    assert root.find(f"{NS}semantics/{NS}annotation").text == r"a < b \& c"


def test_arg_max_is_known():
    root_text = tex_to_mathml(r"\arg\max_x f(x)", display=True)
    assert "<mo>arg</mo><munder><mo>max</mo><mi>x</mi></munder>" in root_text  # display: x under max
    assert 'alttext="\\arg\\max_x f(x)"' in root_text


def test_a_display_formula_with_text_right_under_it_does_not_run_on():
    """The runaway `$$`: the formula ends at its closer; the heading and card below it stay."""
    md = markdown.Markdown(extensions=["studyfolio.math.extension"])
    html = md.convert("$$\nx^2\n$$\nText right under it.\n\n## Heading\n\n$$y$$ and more text\n")
    tree = lxml_html.fragment_fromstring(html, create_parent="div")
    assert [el.tag for el in tree] == ["div", "p", "h2", "div", "p"]
    assert [m.get("alttext") for m in tree.iter("math")] == ["x^2", "y"]
    assert tree[1].text_content() == "Text right under it." and tree[4].text_content() == "and more text"
