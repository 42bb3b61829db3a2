"""`![[Other note]]`, `![[Other note#Heading]]`, `![[Other note^block-id]]`: that note's text,
its section or its block shown in place (transclusion, as Obsidian embeds a note).

The embedded copy is the other note's HTML with its own wikilinks resolved, without its cards
(they belong to their note and its deck), without element ids (the page keeps one of each) and
without its own embeds (shown as links: no note embeds itself through another). A section runs
from its heading to the next heading of the same or a higher level."""

from __future__ import annotations

import copy

from .wikilinks import EMBED

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def section(tree, anchor: str):
    """The elements of `tree` from the heading (or block) with id `anchor` to the next heading
    of its level or higher; the block alone for a `^block-id`; None when there is none."""
    found = next((el for el in tree.iter() if el.get("id") == anchor), None)
    if found is None:
        return None
    if found.tag not in HEADINGS:
        return [found]
    level = int(found.tag[1])
    parent = found.getparent()
    taken = [found]
    for sibling in list(parent)[parent.index(found) + 1:]:
        if sibling.tag in HEADINGS and int(sibling.tag[1]) <= level:
            break
        taken.append(sibling)
    return taken


def embedded_copy(elements) -> list:
    """Copies of `elements` fit to sit in another page: no cards, ids, permalinks or embeds."""
    copies = [copy.deepcopy(el) for el in elements]
    for root in copies:
        for card in root.xpath(".//details[@data-card-id]") + ([root] if root.get("data-card-id") else []):
            if card is not root:
                card.getparent().remove(card)
        for link in root.xpath(".//*[contains(concat(' ', @class, ' '), ' headerlink ')]"):
            link.getparent().remove(link)
        for element in root.iter():
            element.attrib.pop("id", None)
            element.attrib.pop(EMBED, None)
    return [el for el in copies if not el.get("data-card-id")]


def place(link, title: str, href: str, elements: list) -> bool:
    """Put the embedded `elements` where `link` stands, in a box naming where they come from;
    False when the link shares its paragraph with other text (then it stays a link)."""
    from lxml import etree

    paragraph = link.getparent()
    alone = (paragraph is not None and paragraph.tag == "p" and len(paragraph) == 1
             and not (paragraph.text or "").strip() and not (link.tail or "").strip())
    if not alone:
        return False
    box = etree.Element("div", {"class": "transclusion"})
    source = etree.SubElement(box, "p", {"class": "transclusion-source"})
    origin = etree.SubElement(source, "a", {"class": "wikilink", "href": href})
    origin.text = title
    box.extend(elements)
    box.tail = paragraph.tail
    paragraph.getparent().replace(paragraph, box)
    return True
