"""Cloze deletions, as in Anki: `{{c1::answer}}` and `{{c1::answer::hint}}`.

The inline pattern marks each deletion as <span class="cloze" data-cloze="N">; the card
finalizer turns one cloze card into one card per number. A form it cannot read becomes a
visible <span class="cloze-error"> and is reported, never left as half-parsed text."""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as etree

from lxml import html as lxml_html
from markdown import util
from markdown.inlinepatterns import InlineProcessor

# After code spans (190), math (185-187) and backslash escapes (180): those are never cloze.
PRIORITY = 179
PATTERN = r"\{\{(?=\s*c\d*\s*:)([^\n]*?)(\}\}|(?=\n)|\Z)"
NUMBER = re.compile(r"c([0-9]+)")
ESCAPED = re.compile(f"{re.escape(util.STX)}([0-9]+){re.escape(util.ETX)}")
SOURCE_ATTR = "data-studyfolio-source"
REASON_ATTR = "data-studyfolio-reason"
FORMS = "write {{c1::answer}} or {{c1::answer::hint}}"


class ClozeError(ValueError):
    """A cloze form that is not {{cN::answer}} or {{cN::answer::hint}}; says why."""


def parse(inner: str, closed: bool) -> tuple[int, str, str]:
    """(number, answer, hint) for the text between `{{` and `}}`; ClozeError otherwise."""
    if not closed:
        raise ClozeError("it is never closed with }}")
    parts = inner.split("::")
    number = NUMBER.fullmatch(parts[0].strip())
    if number is None:
        raise ClozeError("it needs a number and two colons, as in c1::")
    if int(number.group(1)) < 1:
        raise ClozeError("cloze numbers start at 1")
    if len(parts) > 3:
        raise ClozeError("only an answer and one hint may follow the number")
    answer = parts[1] if len(parts) > 1 else ""
    if not answer.strip():
        raise ClozeError("the answer is empty")
    hint = parts[2] if len(parts) == 3 else ""
    if len(parts) == 3 and not hint.strip():
        raise ClozeError("the hint after the second :: is empty")
    return int(number.group(1)), answer.strip(), hint.strip()


class ClozePattern(InlineProcessor):
    def __init__(self, pattern: str, md, state):
        super().__init__(pattern, md)
        self.state = state

    def handleMatch(self, m, data):
        self.state.cloze_marked = True
        raw = m.group(0)
        try:
            number, answer, hint = parse(m.group(1), m.group(2) == "}}")
        except ClozeError as error:
            el = etree.Element("span", {"class": "cloze-error"})
            el.set("title", f"unknown cloze form: {error}")
            el.set(REASON_ATTR, str(error))
            el.set(SOURCE_ATTR, raw)
            el.text = raw
            return el, m.start(0), m.end(0)
        el = etree.Element("span", {"class": "cloze", "data-cloze": str(number)})
        if hint:
            el.set("data-hint", self.plain(hint))
        el.set(SOURCE_ATTR, raw)
        el.text = answer
        return el, m.start(0), m.end(0)

    def plain(self, text: str) -> str:
        """A hint as plain text: code as its text, math as its TeX, escapes undone."""
        stash = self.md.treeprocessors["inline"].stashed_nodes

        def inline_node(m):
            node = stash.get(m.group(1))
            return "".join(node.itertext()) if isinstance(node, etree.Element) else str(node or "")

        def raw_html(m):
            html = self.md.htmlStash.rawHtmlBlocks[int(m.group(1))]
            tree = lxml_html.fragment_fromstring(str(html), create_parent="span")
            math = tree.find(".//{*}math")
            if math is not None and math.get("alttext"):
                return f"${math.get('alttext')}$"
            return tree.text_content()

        text = util.INLINE_PLACEHOLDER_RE.sub(inline_node, text)
        text = re.sub(util.HTML_PLACEHOLDER % r"([0-9]+)", raw_html, text)
        text = ESCAPED.sub(lambda m: chr(int(m.group(1))), text)
        return re.sub(r"\\([\\`*_{}\[\]()#+\-.!$])", r"\1", text)


def deletions(el: etree.Element) -> list[etree.Element]:
    """The cloze deletions inside `el`, in document order."""
    return [node for node in el.iter("span") if node.get("class") == "cloze"]


def numbers(elements) -> list[int]:
    return sorted({int(span.get("data-cloze")) for el in elements for span in deletions(el)})


def masked(el: etree.Element, number: int) -> etree.Element:
    """A copy of `el` with deletion `number` hidden as [hint] (or [...]); the others shown."""
    result = copy.deepcopy(el)
    for span in deletions(result):
        if int(span.get("data-cloze")) == number:
            hint = span.get("data-hint")
            tail = span.tail
            span.clear()
            span.set("class", "cloze-blank")
            span.set("data-cloze", str(number))
            span.text = f"[{hint}]" if hint else "[…]"
            span.tail = tail
    return result


def revealed(el: etree.Element, number: int) -> etree.Element:
    """A copy of `el` with deletion `number` highlighted as the answer."""
    result = copy.deepcopy(el)
    for span in deletions(result):
        if int(span.get("data-cloze")) == number:
            span.set("class", "cloze cloze-active")
    return result


def strip_sources(root: etree.Element) -> None:
    """Drop the attributes the finalizer used to report problems; they are not for readers."""
    for node in root.iter("span"):
        node.attrib.pop(SOURCE_ATTR, None)
        node.attrib.pop(REASON_ATTR, None)
