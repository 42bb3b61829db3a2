"""Deck pages and exports: /cards/ (every card, printable), /cards/notes/<slug>/,
/cards/tags/<tag>/, cards.json at the output root and cards/anki.txt."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pelican.generators import Generator

from ..core.atomic import write_if_changed
from ..core.sitemap import sitemap_urls
from .anki import anki_text
from .collect import SiteCards, site_cards
from .export import write_cards_json
from .model import Card
from .options import LEVELS


@dataclass
class Deck:
    """What deck.html shows: a title, the cards grouped by note, and where to review them."""

    kind: str  # "all", "note" or "tag"
    title: str
    url: str
    groups: list  # [(article, [Card, ...]), ...] in note order
    review_url: str | None = None

    @property
    def cards(self) -> list[Card]:
        return [card for _, cards in self.groups for card in cards]

    @property
    def levels(self) -> list[tuple[str, int]]:
        counts = Counter(card.level for card in self.cards if card.level)
        return [(level, counts[level]) for level in LEVELS if counts[level]]


ALL_CARDS_URL = "cards/"


def note_deck_url(slug: str) -> str:
    return f"cards/notes/{slug}/"


def tag_deck_url(tag: str) -> str:
    return f"cards/tags/{tag}/"


def deck_urls(site: SiteCards) -> list[str]:
    """Every deck page's URL: all cards, one per note with cards, one per tag."""
    return [ALL_CARDS_URL, *map(note_deck_url, site.by_note()), *map(tag_deck_url, site.by_tag())]


def grouped(cards: list[Card], site: SiteCards) -> list:
    by_note: dict[str, list[Card]] = {}
    for card in cards:
        by_note.setdefault(card.note_slug, []).append(card)
    return [(site.notes[slug], by_note[slug]) for slug in sorted(by_note)]


class DeckGenerator(Generator):
    """Reads the cards once the notes are read (so their problems join the report); writes
    the decks and exports after every generator has read its content (links resolved)."""

    def generate_context(self):
        sitemap_urls(self.context).extend(deck_urls(site_cards(self.context)))

    def decks(self, site: SiteCards) -> list[Deck]:
        names = {tag.slug: tag.name for a in self.context.get("articles", []) for tag in getattr(a, "tags", [])}
        decks = [Deck("all", "All cards", ALL_CARDS_URL, grouped(site.cards, site), "review/")]
        for slug, cards in site.by_note().items():
            article = site.notes[slug]
            decks.append(Deck("note", f"Cards: {article.title}", note_deck_url(slug),
                              [(article, cards)], f"review/?note={slug}"))
        for tag, cards in site.by_tag().items():
            decks.append(Deck("tag", f"Cards tagged #{names.get(tag, tag)}", tag_deck_url(tag),
                              grouped(cards, site), f"review/?tag={tag}"))
        return decks

    def generate_output(self, writer):
        site = site_cards(self.context)
        decks = self.decks(site)
        template = self.get_template("deck")
        tag_decks = [deck for deck in decks if deck.kind == "tag"]
        note_decks = [deck for deck in decks if deck.kind == "note"]
        for deck in decks:
            writer.write_file(
                f"{deck.url}index.html", template, self.context,
                relative_urls=self.settings.get("RELATIVE_URLS", False), url=deck.url,
                deck=deck, tag_decks=tag_decks, note_decks=note_decks,
            )
        output = Path(self.output_path)
        write_cards_json(site.cards, output / "cards.json")
        write_if_changed(str(output / "cards" / "anki.txt"), anki_text(site.cards, self.settings.get("SITEURL", "")))
