"""Helpers for the flashcards tests: render a note like the site does and read its cards."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from markdown_pairs import render

SITE = Path(__file__).resolve().parent / "site"
EXTENSIONS = ("meta", "studyfolio.math.extension", "studyfolio.flashcards.extension")


def note(source: str, *extra: str):
    """(html, problems) for a note written with the site's Markdown extensions."""
    return render(source, *EXTENSIONS, *extra)


def cards(html: str) -> list:
    """The card elements of rendered HTML, in order."""
    root = lxml_html.fragment_fromstring(html or "<p></p>", create_parent="div")
    return root.xpath(".//details[@data-card-id]")


def question(card) -> str:
    return card.find("summary/span[@class='card-question']").text_content()


def answer(card) -> str:
    return card.find("div[@class='card-answer']").text_content().strip()
