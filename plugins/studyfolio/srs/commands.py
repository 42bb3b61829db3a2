"""The review commands: `studyfolio review`, `studyfolio reviews import|stats`, `studyfolio cards pin`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import UTC, datetime

from ..core.settings import add_settings_option, settings_of
from .cards import CardsFileError, load_cards_json, seeds_of
from .exchange import HISTORY_FORMAT, ExportError, read_export
from .log import append_reviews, locked_log, merge, parse_at, read_log
from .progress import Progress
from .scheduler import SchedulerConfig
from .session import Session
from .stats import compute, render
from .terminal import review_in_terminal

LOG_SETTING = "STUDYFOLIO_REVIEWS"  # where the review log is, in the content folder


def command_group(subparsers, name: str, help_text: str):
    """The sub-command action of group `name` (`studyfolio cards ...`), shared with other plugins."""
    parser = subparsers.choices.get(name)
    if parser is None:
        parser = subparsers.add_parser(name, help=help_text, description=help_text)
        parser.set_defaults(run=lambda args: (parser.print_help(), 0)[1])
    # argparse has no public way to find a parser's sub-commands; its action list is stable.
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest=f"{name}_command", metavar="COMMAND")


def add_place_options(parser: argparse.ArgumentParser, *, site: bool = True, now: bool = True) -> None:
    """--settings, --content and (with `site`) --site: the flags win over the settings file."""
    add_settings_option(parser)
    parser.add_argument("--content", help="the content folder (default: the settings' PATH, else content)")
    if site:
        parser.add_argument("--site", help="the built site whose cards.json is used"
                            " (default: the settings' OUTPUT_PATH, else output)")
    if now:
        parser.add_argument("--now", type=parse_at, help=argparse.SUPPRESS)


def add_commands(subparsers) -> None:
    review = subparsers.add_parser(
        "review",
        help="review due cards in the terminal",
        description="Review due cards, then new ones, with the review page's keys: Space or Enter"
        " shows the answer, 1-4 rate (Again, Hard, Good, Easy), u undoes the last rating, s skips,"
        " q quits. Ratings are appended to the review log (STUDYFOLIO_REVIEWS, default"
        " content/reviews.jsonl).",
    )
    add_place_options(review)
    review.add_argument("--note", help="only the cards of this note (its slug)")
    review.add_argument("--tag", help="only cards with this tag")
    review.add_argument("--level", choices=("easy", "medium", "hard"), help="only cards of this level")
    review.set_defaults(run=run_review)

    reviews = command_group(subparsers, "reviews", "the review log: import a browser export, print statistics")
    importer = reviews.add_parser(
        "import",
        help="merge a review export from the browser into the review log",
        description="Merge a file from the review page's Export button into the review log."
        " Reviews already in the log are skipped, so importing twice changes nothing.",
    )
    importer.add_argument("file", help="the exported .json file")
    add_place_options(importer, site=False)
    importer.set_defaults(run=run_import)
    stats = reviews.add_parser("stats", help="due today and this week, retention, streak")
    add_place_options(stats)
    stats.set_defaults(run=run_stats)

    from .pin import add_pin_command

    add_pin_command(command_group(subparsers, "cards", "tools for the cards in your notes"))


def clock_of(args) -> datetime:
    return args.now or datetime.now(UTC)


def load_config(site: str) -> SchedulerConfig:
    """The scheduler settings of the last build (reviews.json), else the defaults."""
    path = os.path.join(site, "reviews.json")
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, json.JSONDecodeError):
        return SchedulerConfig()
    if data.get("format") != HISTORY_FORMAT:
        return SchedulerConfig()
    return SchedulerConfig.from_json(data.get("scheduler") or {})


def load_progress(args) -> tuple[Progress, str] | None:
    """Cards of the last build and the repo log replayed; None (after saying why) on failure."""
    places = settings_of(args)
    try:
        cards = load_cards_json(os.path.join(places.output, "cards.json"))
    except CardsFileError as error:
        print(f"studyfolio: {error}", file=sys.stderr)
        return None
    log_path = places.in_content(LOG_SETTING)
    found = read_log(log_path)
    for problem in found.problems:
        print(problem.format(), file=sys.stderr)
    return Progress.build(cards, found.reviews, load_config(places.output), seeds_of(cards)), log_path


def run_review(args) -> int:
    loaded = load_progress(args)
    if loaded is None:
        return 1
    progress, log_path = loaded
    deck = [card for card in progress.cards if card.in_deck(args.note, args.tag, args.level)]
    if not deck:
        chosen = ", ".join(f"{k} {v}" for k, v in (("note", args.note), ("tag", args.tag), ("level", args.level)) if v)
        print(f"studyfolio: no cards in the deck ({chosen or 'all cards'})", file=sys.stderr)
        return 1
    fixed = args.now

    def clock() -> datetime:
        return fixed or datetime.now(UTC)

    return review_in_terminal(Session(progress, deck, clock), log_path)


def run_import(args) -> int:
    log_path = settings_of(args).in_content(LOG_SETTING)
    try:
        with open(args.file, encoding="utf-8") as handle:
            incoming = read_export(handle.read())
    except OSError as error:
        print(f"studyfolio: cannot read {args.file}: {error.strerror}", file=sys.stderr)
        return 1
    except UnicodeDecodeError:
        print(f"studyfolio: {args.file}: not a text file; nothing imported", file=sys.stderr)
        return 1
    except ExportError as error:
        print(f"studyfolio: {args.file}: {error}", file=sys.stderr)
        return 1
    with locked_log(log_path) as handle:  # another import waits here: no review is written twice
        found = read_log(log_path)
        for problem in found.problems:
            print(problem.format(), file=sys.stderr)
        known = {review.key for review in found.reviews}
        fresh = [review for review in merge(incoming) if review.key not in known]
        append_reviews(log_path, fresh, handle)
    already = len(incoming) - len(fresh)
    print(f"Imported {len(fresh)} new review(s) into {log_path} ({already} already there).")
    return 0


def run_stats(args) -> int:
    loaded = load_progress(args)
    if loaded is None:
        return 1
    progress, _ = loaded
    print(render(compute(progress, clock_of(args)), progress.config.desired_retention))
    return 0
