"""Read and write a note's HTML with lxml: parse a fragment, serialize it, read its text.

Text is read the way a person reads the page: formulas as their TeX source (the MathML
alttext), without heading permalinks or footnote markers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import html as lxml_html

MATHML_MATH = "{http://www.w3.org/1998/Math/MathML}math"
SKIPPED_CLASSES = {"headerlink", "footnote-ref", "footnote-backref"}


def parse_fragment(markup: str):
    """A <div> holding the parsed fragment (empty for empty markup)."""
    return lxml_html.fragment_fromstring(markup or "", create_parent="div")


def serialize_fragment(container) -> str:
    """The inner HTML of a container made by parse_fragment."""
    return (container.text or "") + "".join(
        lxml_html.tostring(child, encoding="unicode") for child in container
    )


def is_math(element) -> bool:
    return element.tag in ("math", MATHML_MATH)


def skipped(element) -> bool:
    if not isinstance(element.tag, str):
        return True  # comments and processing instructions
    return bool(SKIPPED_CLASSES.intersection((element.get("class") or "").split()))


FORMULA = 0xE000  # a private-use character stands for the n-th formula in `formulas`


def tex_of(element) -> str:
    return element.get("alttext") or element.text_content()


def text_pieces(
    element, marked=None, inside: bool = False, formulas: list | None = None
) -> Iterator[tuple[str, bool]]:
    """(text, is inside `marked`) in reading order, without `element`'s own tail. A formula
    reads as its TeX, or, given a `formulas` list, as one marker character standing for it."""
    if is_math(element):
        if formulas is None:
            yield tex_of(element), inside
        else:
            formulas.append(element)
            yield chr(FORMULA + len(formulas) - 1), inside
        return
    if skipped(element):
        return
    if element.text:
        yield element.text, inside
    for child in element:
        yield from text_pieces(child, marked, inside or child is marked, formulas)
        if child.tail:
            yield child.tail, inside


def squash(text: str) -> str:
    """Whitespace runs as single spaces, trimmed."""
    return re.sub(r"\s+", " ", text).strip()


def plain_text(element) -> str:
    """What a reader sees in `element`, as one line of text."""
    return squash("".join(text for text, _ in text_pieces(element)))
