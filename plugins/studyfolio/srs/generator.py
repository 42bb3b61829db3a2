"""The build's side of review: /review/, reviews.json, the study heatmap, deck mastery, and a
report of review history that matches no card."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from ..core.atomic import write_if_changed
from ..core.diagnostics import Diagnostic, Severity
from ..core.report import extra_diagnostics
from ..core.settings import setting_line
from ..core.shared import HEATMAP, MASTERY, STUDY_PROGRESS
from ..core.shared import REVIEW_URL as REVIEW_URL_RECORD
from ..core.source import site_relative
from ..flashcards.collect import site_cards
from .cards import StudyCard, note_of_card_id, seeds_of, study_cards
from .exchange import history_json
from .heatmap import build_heatmap
from .log import LogRead, build_log
from .mastery import MasteryIndex
from .progress import Progress, local_day
from .queue import review_files
from .scheduler import (
    DEFAULT_NEW_PER_DAY,
    DEFAULT_RETENTION,
    SchedulerConfig,
    check_new_per_day,
    check_retention,
)

REVIEW_URL = "review/"
REVIEW_SAVE_AS = "review/index.html"
HISTORY_SAVE_AS = "reviews.json"


def config_of(settings: dict) -> tuple[SchedulerConfig, list[Diagnostic]]:
    """The scheduler settings; an unusable value is reported and its default used instead."""
    values, problems = {}, []
    checks = (
        ("STUDYFOLIO_DESIRED_RETENTION", "desired_retention", check_retention, DEFAULT_RETENTION),
        ("STUDYFOLIO_NEW_CARDS_PER_DAY", "new_per_day", check_new_per_day, DEFAULT_NEW_PER_DAY),
    )
    for name, field, check, default in checks:
        try:
            values[field] = check(settings.get(name, default))
        except ValueError as error:
            values[field] = default
            path, line = setting_line(name, settings.get(name))
            problems.append(
                Diagnostic(path, line, f"{error}; using {default}", f"e.g. {name} = {default}", Severity.ERROR)
            )
    return SchedulerConfig(**values), problems


def orphan_reports(log: LogRead, cards: list[StudyCard], sources: dict[str, str]) -> list[Diagnostic]:
    """A warning per card id in the log that matches no card, at its first line."""
    known = {card.id for card in cards}
    lines: dict[str, list[int]] = defaultdict(list)
    for review in log.reviews:
        if review.card not in known:
            lines[review.card].append(log.lines[review.key])
    found = []
    for card_id, numbers in sorted(lines.items()):
        numbers.sort()
        slug, exists = note_of_card_id(card_id, sorted(sources))
        if slug and exists:
            origin = f"it came from note '{slug}' ({sources[slug]})"
        elif slug:
            origin = f"it came from note '{slug}', which is no longer in the site"
        else:
            origin = "its note is unknown (an explicit id no card has now)"
        count = f"{len(numbers)} reviews" if len(numbers) > 1 else "1 review"
        where = ", ".join(str(n) for n in numbers[:6]) + (", ..." if len(numbers) > 6 else "")
        found.append(
            Diagnostic(
                log.path,
                numbers[0],
                f"card '{card_id}' has {count} (line{'s' if len(numbers) > 1 else ''} {where})"
                f" but no card has that id now; {origin}",
                f"if its question changed, give the card back its id with `id: {card_id}` in its"
                " card block; `studyfolio cards pin` writes ids into cards so edits keep history",
                Severity.WARNING,
            )
        )
    return found


def review_decks(cards: list[StudyCard]) -> dict:
    """The deck choices of the review page: notes (slug, title, count), tags and levels."""
    notes: dict[str, list] = {}
    for card in cards:
        notes.setdefault(card.note, [card.note, card.note_title or card.note, 0])[2] += 1
    tags = Counter(tag for card in cards for tag in card.tags)
    levels = Counter(card.level for card in cards if card.level)
    return {
        "notes": sorted(notes.values(), key=lambda n: (n[1].lower(), n[0])),
        "tags": sorted(tags.items()),
        "levels": [(level, levels[level]) for level in ("easy", "medium", "hard") if level in levels],
        "total": len(cards),
    }


class ReviewGenerator(Generator):
    """Runs after the articles are read: it needs their cards and dates."""

    def generate_context(self) -> None:
        settings = self.settings
        self.config, config_problems = config_of(settings)
        log = build_log(self.context, settings)
        articles = list(self.context.get("articles") or [])
        cards = study_cards(site_cards(self.context).cards)
        notes = [*articles, *self.context.get("hidden_articles", [])]
        sources = {a.slug: site_relative(a.source_path, settings["PATH"]) for a in notes}
        problems = extra_diagnostics(self.context)
        problems.extend(config_problems)
        problems.extend(orphan_reports(log, cards, sources))
        zone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
        seeds = seeds_of(cards)
        progress = Progress.build(cards, log.reviews, self.config, seeds)
        per_day = Counter(local_day(review.at, zone) for review in log.reviews)
        notes_per_day: dict = defaultdict(list)
        for article in articles:
            notes_per_day[article.date.astimezone(zone).date()].append(article.title)
        self.history = history_json(log.reviews, self.config, progress.seed_states())
        self.states = progress.states
        self.decks = review_decks(cards)
        HEATMAP.put(self.context, build_heatmap(per_day, notes_per_day))
        MASTERY.put(self.context, MasteryIndex(progress))
        STUDY_PROGRESS.put(self.context, progress)
        REVIEW_URL_RECORD.put(self.context, REVIEW_URL)

    def generate_output(self, writer) -> None:
        writer.write_file(
            REVIEW_SAVE_AS,
            self.get_template("review"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_name="review",
            review_decks=self.decks,
            review_config=self.config.to_json(),
            url=REVIEW_URL,
        )
        # the cards as cards.json has them: in its order, their HTML with links resolved
        cards = [card.to_json() for card in site_cards(self.context).cards]
        files = {HISTORY_SAVE_AS: self.history, **review_files(cards, self.states, self.config)}
        for name, text in sorted(files.items()):
            write_if_changed(os.path.join(self.output_path, name), text)
