"""Reading rendered HTML in the own-words tests."""

from __future__ import annotations

import copy

from lxml import html as lxml_html


def tree(html: str):
    return lxml_html.fragment_fromstring(html, create_parent="div")


def visible_text(element) -> str:
    """What a reader sees: the text without MathML's TeX annotations."""
    shown = copy.deepcopy(element)
    for annotation in list(shown.iter("annotation")):
        annotation.drop_tree()
    return shown.text_content()
