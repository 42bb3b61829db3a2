"""Gather the site's cards from the notes' HTML once per build; report duplicate ids.

`site_cards(context)` is the one entry point: decks, exports, templates and other plugins
(roadmaps, review) all read the same SiteCards, kept in the build's context."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..core.diagnostics import Diagnostic, Severity
from ..core.pelican_api import reader_html
from ..core.report import extra_diagnostics
from ..core.shared import CARDS
from ..core.source import site_relative
from .model import Card, cards_from_html
from .srsettings import ObsidianSettings, obsidian_settings_path


@dataclass
class SiteCards:
    """Every published card, sorted by note slug then position; one card per id."""

    cards: list[Card] = field(default_factory=list)
    notes: dict = field(default_factory=dict)  # note slug -> the article

    def by_note(self) -> dict[str, list[Card]]:
        grouped: dict[str, list[Card]] = defaultdict(list)
        for card in self.cards:
            grouped[card.note_slug].append(card)
        return dict(grouped)

    def by_tag(self) -> dict[str, list[Card]]:
        grouped: dict[str, list[Card]] = defaultdict(list)
        for card in self.cards:
            for tag in card.tags:
                grouped[tag].append(card)
        return dict(sorted(grouped.items()))


def note_cards(article, content_path: str, *, resolved: bool = False) -> list[Card]:
    """The cards of a note. Before every generator has read its content, `article.content`
    must not be asked for: Pelican would remember it with {static} links it cannot resolve
    yet. So cards are first read from the reader's HTML, then again (resolved=True) if
    they hold such links, once everything is read (resolve_links)."""
    return cards_from_html(
        article.content if resolved else reader_html(article),
        title=str(article.title),
        url=article.url,
        path=site_relative(article.source_path, content_path),
        slug=article.slug,
    )


def duplicates(cards: list[Card]) -> tuple[list[Card], list[Diagnostic]]:
    """(cards with the first of each id kept, an error at every later place naming the first)."""
    first: dict[str, Card] = {}
    kept, problems, seen = [], [], set()
    for card in cards:
        earlier = first.setdefault(card.id, card)
        if earlier is card:
            kept.append(card)
            continue
        if (card.place, earlier.place) in seen:
            continue  # a cloze card repeats its places once per number
        seen.add((card.place, earlier.place))
        problems.append(Diagnostic(
            card.path, card.line,
            f"duplicate card id '{card.id}': {earlier.place} has the same id",
            "give one of the two cards its own id: option (a derived id comes from the"
            " question, so two cards asking the same thing in one note collide)",
        ))
    return kept, problems


def settings_problems(context: dict) -> list[Diagnostic]:
    """What is wrong with the vault's spaced repetition settings (the inline reading then used
    the plugin's defaults)."""
    path = obsidian_settings_path(context) if "PATH" in context else context.get("STUDYFOLIO_OBSIDIAN_SETTINGS")
    if not path:
        return []
    _, problem = ObsidianSettings.read(path)
    if problem is None:
        return []
    return [Diagnostic(str(path), 1, f"spaced repetition settings not used: {problem}",
                       "fix the file or unset STUDYFOLIO_OBSIDIAN_SETTINGS; inline cards are read"
                       " with the plugin's default settings meanwhile")]


def site_cards(context: dict) -> SiteCards:
    """The build's cards, gathered the first time they are asked for after articles are read."""
    found = CARDS.get(context)
    if found is not None:
        return found
    if "articles" not in context:
        return SiteCards()  # too early: articles are not read yet; do not cache
    content_path = context.get("PATH", "content")
    articles = sorted([*context["articles"], *context.get("hidden_articles", [])],
                      key=lambda a: a.slug)
    collected, notes = [], {}
    for article in articles:
        cards = note_cards(article, content_path)
        article.flashcards = cards
        if cards:
            notes[article.slug] = article
        collected.extend(cards)
    for draft in context.get("drafts", []):
        draft.flashcards = note_cards(draft, content_path)  # shown on the draft, not in decks
    kept, problems = duplicates(collected)
    for page in [*context.get("pages", []), *context.get("hidden_pages", [])]:
        on_page = cards_from_html(reader_html(page), title="", url="", path="")
        if on_page:
            problems.append(Diagnostic(
                site_relative(page.source_path, content_path), on_page[0].line,
                "cards on a page are shown but not gathered into decks, cards.json or Anki",
                "move the cards into a note under content/notes/", Severity.WARNING))
    problems.extend(settings_problems(context))
    extra_diagnostics(context).extend(problems)
    result = SiteCards(cards=kept, notes=notes)
    return CARDS.put(context, result)


def resolve_links(generators) -> None:
    """At all_generators_finalized: read again, with Pelican's links resolved, the notes whose
    cards link to {static} files or other notes."""
    if not generators:
        return
    context = generators[0].context
    site = CARDS.get(context)
    if site is None:
        return
    content_path = context.get("PATH", "content")
    fresh: dict[tuple[str, int], Card] = {}
    for article in [*site.notes.values(), *context.get("drafts", [])]:
        if any(card.unresolved for card in getattr(article, "flashcards", ())):
            article.flashcards = note_cards(article, content_path, resolved=True)
            fresh.update({(card.path, card.position): card for card in article.flashcards})
    if fresh:
        site.cards[:] = [fresh.get((card.path, card.position), card) for card in site.cards]
