"""cards/anki.txt: the cards in Anki's text import format, one Anki note per card as written.

Basic cards become Basic notes, two-way cards one "Basic (and reversed card)" note, a cloze
card one Cloze note holding all its numbers. Each note's GUID comes from the card id, so
importing the file again updates the notes instead of adding copies."""

from __future__ import annotations

import csv
import io
from itertools import groupby

from lxml import etree
from lxml import html as lxml_html

from .ids import anki_guid
from .model import Card, inner_html

HEADER = (
    "#separator:tab\n"
    "#html:true\n"
    "#guid column:1\n"
    "#notetype column:2\n"
    "#deck column:3\n"
    "#tags column:6\n"
)
DECK_ROOT = "Studyfolio"


def deck_name(title: str) -> str:
    return f"{DECK_ROOT}::" + " ".join(title.replace("::", ":").split())


def anki_tags(card: Card) -> str:
    tags = list(card.tags)
    if card.level:
        tags.append(f"level::{card.level}")
    return " ".join(tags)


def source_line(card: Card, siteurl: str) -> str:
    """A small line under the answer: the note it comes from, and the video moment."""
    box = etree.Element("p", {"class": "studyfolio-source"})
    if siteurl:
        link = etree.SubElement(box, "a", {"href": f"{siteurl}/{card.note_url}"})
        link.text = card.note_title
        link.tail = " · " if card.video_url else None
    else:
        box.text = card.note_title + (" · " if card.video_url else "")
    if card.video_url:
        etree.SubElement(box, "a", {"href": card.video_url}).text = "watch in the video"
    return etree.tostring(box, encoding="unicode", method="html")


def cloze_fields(card: Card) -> tuple[str, str]:
    """(Text, Back Extra) of a Cloze note, from one of its cards' HTML."""
    question = lxml_html.fragment_fromstring(card.question or "<span></span>", create_parent="div")
    answer = lxml_html.fragment_fromstring(card.answer, create_parent="div")
    extra = ""
    for node in answer.find_class("card-extra"):
        extra = inner_html(node)
        node.drop_tree()
    for span in answer.xpath(".//span[@data-cloze]"):
        hint = span.get("data-hint")
        span.text = f"{{{{c{span.get('data-cloze')}::" + (span.text or "")
        closing = (f"::{hint}" if hint else "") + "}}"
        if len(span):
            span[-1].tail = (span[-1].tail or "") + closing
        else:
            span.text += closing
        span.drop_tag()
    text = inner_html(answer)
    prompts = question.find_class("card-prompt")
    if prompts:
        text = f'<p class="card-prompt">{inner_html(prompts[0])}</p>' + text
    return text, extra


def rows(cards: list[Card], siteurl: str):
    ids = {card.id for card in cards}
    for _, group in groupby(cards, key=lambda c: (c.note_slug, c.base_id)):
        group = list(group)
        card = group[0]
        source = source_line(card, siteurl)
        if card.kind == "cloze":
            text, extra = cloze_fields(card)
            note_type, fields = "Cloze", (text, extra + source)
        elif card.kind == "reversed":
            continue  # already exported with its forward twin
        else:
            two_way = f"{card.id}-r" in ids
            note_type = "Basic (and reversed card)" if two_way else "Basic"
            fields = (card.question, card.answer + source)
        yield [anki_guid(card.base_id), note_type, deck_name(card.note_title), *fields,
               anki_tags(card)]


def anki_text(cards: list[Card], siteurl: str = "") -> str:
    out = io.StringIO()
    out.write(HEADER)
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for row in rows(cards, siteurl):
        writer.writerow(row)
    return out.getvalue()
