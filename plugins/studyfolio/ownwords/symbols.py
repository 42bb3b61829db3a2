"""Is a symbol part of a formula? Both are compared as the MathML tokens the reader sees.

Comparing rendered tokens (not TeX text) means `m` is not found inside `\\sum`, and
`x_{i}` matches `x_i`. A symbol written as a list (`a_1, \\dots, a_n`) matches when each
listed part is in the formula."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..math.tex import tex_to_mathml

Token = tuple[str, str]
SEPARATORS = {",", "…", "⋯", "...", ";"}
LETTER_TAGS = {"mi"}


def tokens(tex: str) -> list[Token]:
    """(element name, text) of every MathML leaf of `tex`, the TeX annotation left out.

    Raises studyfolio.math.tex.TexError for invalid TeX."""
    root = ET.fromstring(tex_to_mathml(tex, display=False))
    found = []
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        if name == "annotation" or len(element) or not (element.text or "").strip():
            continue
        found.append((name, element.text.strip()))
    return found


def contains(haystack: list[Token], needle: list[Token]) -> bool:
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


def parts(symbol: list[Token]) -> list[list[Token]]:
    """The symbol split at list separators: `a_1, \\dots, a_n` gives [a 1], [a n]."""
    groups: list[list[Token]] = [[]]
    for token in symbol:
        if token[1] in SEPARATORS:
            groups.append([])
        else:
            groups[-1].append(token)
    return [group for group in groups if group]


def symbol_in(formula: list[Token], symbol: list[Token]) -> bool:
    """True when every part of `symbol` appears, token for token, in `formula`."""
    pieces = parts(symbol)
    return bool(pieces) and all(contains(formula, piece) for piece in pieces)


def letters(formula: list[Token]) -> list[str]:
    """The distinct letters (identifiers) of a formula, sorted: for hints."""
    return sorted({text for name, text in formula if name in LETTER_TAGS})
