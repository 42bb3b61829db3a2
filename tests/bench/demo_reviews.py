"""Write the demo's content/reviews.jsonl: four weeks of a believable learner reviewing the demo cards.

Deterministic (a seeded simulation): run it after a build, once, and commit the result.

    python tests/bench/demo_reviews.py [--site output] [--content content] [--force]

Each day (a few are skipped) the learner sits down once, morning or evening, and works
through a `studyfolio review` session: the cards due, then up to 8 new cards of notes already
published, with learning steps coming back within the session. Whether a card is recalled is
drawn from its FSRS retrievability; ratings and answer times vary like a person's."""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

from studyfolio.srs.cards import load_cards_json  # noqa: E402
from studyfolio.srs.log import append_reviews  # noqa: E402
from studyfolio.srs.progress import Progress  # noqa: E402
from studyfolio.srs.scheduler import SchedulerConfig  # noqa: E402
from studyfolio.srs.session import Session  # noqa: E402

FIRST_DAY = date(2026, 10, 19)
DAYS = 28
NEW_PER_DAY = 8
DATE = re.compile(r"^Date:\s*(\d{4}-\d\d-\d\d)(?:[ T](\d\d:\d\d))?", re.MULTILINE)


def note_dates(content: Path) -> dict[str, datetime]:
    found = {}
    for path in sorted((content / "notes").glob("*.md")):
        match = DATE.search(path.read_text(encoding="utf-8"))
        if match:
            found[path.stem] = datetime.fromisoformat(f"{match.group(1)}T{match.group(2) or '00:00'}+00:00")
    return found


def simulate(cards, published: dict[str, datetime], rng: random.Random):
    config = SchedulerConfig(new_per_day=NEW_PER_DAY)
    progress = Progress.build(cards, [], config)
    written = []
    for offset in range(DAYS):
        day = FIRST_DAY + timedelta(days=offset)
        if rng.random() < 0.18:
            continue  # a day off
        hour = rng.choice((7, 7, 8, 19, 20, 21))
        clock = [datetime(day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=UTC)]
        deck = [card for card in cards if card.note in published and published[card.note] <= clock[0]]
        session = Session(progress, deck, lambda clock=clock: clock[0], UTC)
        while (card := session.current()) is not None:
            session.shown_at = session.now()
            state = progress.state(card.id)
            learning = state is None or state.step is not None
            recall = 0.82 if learning else progress.retrievability(card.id, session.now())
            clock[0] += timedelta(seconds=rng.randint(3, 25))
            recalled = rng.random() < recall
            rating = rng.choices((2, 3, 4), weights=(2, 7, 1))[0] if recalled else 1
            review = session.rate(card, rating)
            written.append(review._replace(ms=review.ms + rng.randrange(1000)))  # a person's milliseconds
            clock[0] += timedelta(seconds=rng.randint(2, 8))
            upcoming = session.current()
            if upcoming is not None and progress.state(upcoming.id) is not None:
                due = progress.state(upcoming.id).due
                if due > clock[0]:  # nothing else to do: wait for the learning step
                    clock[0] = due + timedelta(seconds=rng.randint(0, 40))
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", default="output")
    parser.add_argument("--content", default="content")
    parser.add_argument("--force", action="store_true", help="replace an existing log")
    args = parser.parse_args()
    target = Path(args.content) / "reviews.jsonl"
    if target.exists() and not args.force:
        print(f"{target} exists; it is the learner's history. Use --force to replace the demo's.", file=sys.stderr)
        return 1
    cards = load_cards_json(os.path.join(args.site, "cards.json"))
    reviews = simulate(cards, note_dates(Path(args.content)), random.Random(2026))
    if target.exists():
        target.unlink()
    append_reviews(str(target), sorted(reviews, key=lambda r: (r.at, r.card)))
    days = len({r.at.date() for r in reviews})
    print(f"wrote {len(reviews)} reviews of {len({r.card for r in reviews})} cards on {days} days to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
