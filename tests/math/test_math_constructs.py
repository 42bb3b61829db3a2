"""Constructs real notes copy from MathJax-based sources, rendered as MathJax sets them: big
delimiters, \\sim, display limits, bold, \\tag at the right; a fraction missing an argument is
an error, not silently drawn."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from lxml import etree

from studyfolio.math.tex import TexError, tex_to_mathml

ROOT = Path(__file__).resolve().parents[2]


def tree(tex: str, display: bool = True):
    return etree.fromstring(tex_to_mathml(tex, display=display).encode())


def local(element) -> str:
    return etree.QName(element).localname


def operators(tex: str, display: bool = True) -> list[str]:
    return [el.text for el in tree(tex, display).iter() if local(el) == "mo"]


@pytest.mark.parametrize(("tex", "expected"), [
    (r"\big( \Big\lVert x \Big\rVert \big)", ["(", "\u2016", "\u2016", ")"]),
    (r"\Big\langle x, y \Big\rangle", ["\u27e8", ",", "\u27e9"]),
    (r"\bigg\lfloor x \bigg\rfloor", ["\u230a", "\u230b"]),
    (r"\lVert v \rVert_2", ["\u2016", "\u2016"]),
    (r"x \sim \mathcal{N}(0, 1)", ["\u223c", "(", ",", ")"]),
])
def test_delimiters_and_relations_are_operators_with_their_characters(tex, expected):
    assert operators(tex) == expected


@pytest.mark.parametrize(("tex", "tag"), [
    (r"\max_{x} f(x)", "munder"), (r"\min_{x \in S} g", "munder"), (r"\lim_{n \to \infty} a_n", "munder"),
    (r"\sup_{t} h(t)", "munder"), (r"\sum_{i=1}^{n} x_i", "munderover"),
])
def test_display_limits_go_under_the_operator(tex, tag):
    assert local(next(el for el in tree(tex).iter() if local(el) in ("munder", "munderover", "msub", "msubsup"))) == tag
    inline = next(el for el in tree(tex, display=False).iter() if local(el) in ("munder", "munderover", "msub", "msubsup"))
    assert local(inline) in ("msub", "msubsup")  # inline, limits stay at the side


def test_bold_is_bold_for_browsers_that_ignore_mathvariant():
    styled = {el.text: el.get("style") for el in tree(r"\textbf{w} \boldsymbol{\mu}").iter() if el.get("mathvariant")}
    assert styled == {"w": "font-weight: bold", "\u03bc": "font-weight: bold; font-style: italic"}


def test_a_fraction_missing_an_argument_is_an_error():
    with pytest.raises(TexError) as caught:
        tex_to_mathml(r"\frac{a}", display=False)
    assert str(caught.value) == r"\frac needs two arguments: \frac{a}{b}"


def rendered(source: str) -> str:
    return markdown.Markdown(extensions=["studyfolio.math.extension"]).convert(source)


def test_a_tag_is_the_formula_s_number_beside_it():
    html = rendered("$$\nE = mc^2 \\tag{3}\n$$\n\n$$\na = b \\tag*{A}\n$$\n")
    assert re.findall(r'<span class="math-tag">([^<]*)</span>', html) == ["(3)", "A"]
    assert html.count('class="math-display math-tagged"') == 2
    assert "\\tag" not in re.sub(r'alttext="[^"]*"|<annotation.*?</annotation>', "", html)


@pytest.mark.browser
def test_the_tag_sits_at_the_right_and_the_formula_in_the_middle(page):
    css = "".join((ROOT / "theme" / "static" / "css" / name).read_text() for name in ("site.css", "math.css"))
    body = rendered("$$\nE = mc^2 \\tag{3}\n$$\n")
    page.set_content(f"<!DOCTYPE html><html><head><style>{css}</style></head>"
                     f"<body><main style='width: 700px'>{body}</main></body></html>")
    box = page.locator(".math-tagged").bounding_box()
    formula, tag = page.locator(".math-tagged math").bounding_box(), page.locator(".math-tag").bounding_box()
    assert abs((box["x"] + box["width"]) - (tag["x"] + tag["width"])) < 2  # at the right edge
    middle = formula["x"] + formula["width"] / 2
    assert abs(middle - (box["x"] + box["width"] / 2)) < 20  # the formula centred on the line


def test_environments_outside_delimiters_are_display_math():
    """`\\begin{align*}` written in the text, as MathJax reads it: `*` and `_` stay TeX."""
    html = rendered("Before.\n\n\\begin{align*}\na &= b_1 \\\\\nc &= d^*\n\\end{align*}\nAfter *it*.\n")
    root = etree.fromstring(f"<div>{html}</div>".encode())
    [table] = [el for el in root.iter() if local(el) == "mtable"]
    assert len([el for el in table if local(el) == "mtr"]) == 2
    assert [el.tag for el in root] == ["p", "div", "p"] and "<em>it</em>" in html
    assert "<em>" not in etree.tostring(table, encoding="unicode")


@pytest.mark.parametrize("tex", [
    r"\begin{aligned} a &= b \\ c &= d \end{aligned}",
    r"\begin{eqnarray} a &=& b \\ c &=& d \end{eqnarray}",
    r"\begin{flalign*} a &= b \end{flalign*}",
    r"\begin{alignat*}{2} a &= b \end{alignat*}",
    r"\begin{gather*} a = b \\ c = d \end{gather*}",
])
def test_aligned_rows_are_table_rows_never_a_literal_ampersand(tex):
    root = tree(tex)
    assert [el for el in root.iter() if local(el) == "mtr"]
    assert not [el for el in root.iter() if local(el) in ("mi", "mo") and el.text == "&"]
