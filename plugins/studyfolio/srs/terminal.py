"""`studyfolio review`: review due cards in the terminal with the review page's keys.

Space or Enter shows the answer, 1-4 rate (Again, Hard, Good, Easy), u takes back the last
rating, s skips, q quits. Each rating is appended to content/reviews.jsonl as it is made (whole
lines, on disk before the next card shows), so kill -9, a closed terminal or a crash loses
none; undo cuts the last one back out of the log."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime
from typing import TextIO

from fsrs import Rating

from .cards import StudyCard
from .log import RATINGS, Review, append_reviews, take_back
from .scheduler import new_card
from .session import Session
from .text import html_text, interval_label, visible

REVEAL = (" ", "\n", "\r")


class Keys:
    """Key presses: single keys from a terminal, characters one by one from a pipe (scripts)."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.tty = stream.isatty()

    @contextmanager
    def raw(self):
        if not self.tty:
            yield self
            return
        import termios
        import tty

        fd = self.stream.fileno()
        saved = termios.tcgetattr(fd)
        try:
            tty.setcbreak(fd)
            yield self
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)

    def read(self) -> str:
        """One key, lower-cased; '' at the end of input."""
        if self.tty:
            return os.read(self.stream.fileno(), 1).decode("utf-8", "replace").lower()
        return self.stream.read(1).lower()


def when(at: datetime, now: datetime) -> str:
    local = at.astimezone()
    return f"{local:%Y-%m-%d %H:%M} (in {interval_label(max(0, (at - now).total_seconds()))})"


class TerminalReview:
    """The interactive loop over a Session. Each rating is saved as it is given (`write`
    appends it to the log, on disk before the next card shows), so no way of ending the
    program loses one; undo takes the last one back out of the log (`take_back`)."""

    def __init__(self, session: Session, keys: Keys, out: TextIO, write: Callable[[Review], None],
                 take_back: Callable[[Review], bool]):
        self.session, self.keys, self.out = session, keys, out
        self.write, self.take_back = write, take_back
        self.last: Review | None = None  # the rating undo can take back
        self.saved = 0

    def say(self, text: str = "") -> None:
        print(visible(text), file=self.out, flush=True)

    def undo(self) -> None:
        if self.last is None:
            self.say("Nothing to undo: only the last rating can be taken back.")
            return
        self.session.undo()
        if self.take_back(self.last):
            self.saved -= 1
            self.say(f"Took back {RATINGS[self.last.rating]}.")
        else:
            self.say(f"Took back {RATINGS[self.last.rating]} here; the log changed since, so the "
                     "rating stays in it.")
        self.last = None

    def show_question(self, card: StudyCard) -> None:
        due, new, done = self.session.counts()
        self.say(f"\nDue {due} · New {new} · Done today {done}")
        about = [card.note_title or card.note]
        if card.level:
            about.append(card.level)
        about.extend("#" + tag for tag in card.tags)
        self.say("[" + " · ".join(about) + "]")
        self.say("Q: " + html_text(card.question))
        self.say("   (Space or Enter: show answer · s skip · u undo · q quit)")
        self.session.shown_at = self.session.now()

    def show_answer(self, card: StudyCard) -> None:
        self.say("A: " + html_text(card.answer))
        if card.video_url:
            self.say("   Video: " + card.video_url)
        now = self.session.now()
        state = self.session.progress.state(card.id) or new_card()
        scheduler = self.session.progress.scheduler
        labels = []
        for rating, name in RATINGS.items():
            after, _ = scheduler.review_card(state, Rating(rating), now)
            labels.append(f"{rating} {name} {interval_label((after.due - now).total_seconds())}")
        self.say("   " + " · ".join(labels) + "   (u undo · s skip · q quit)")

    def run(self) -> int:
        need_question, revealed = True, False
        try:
            with self.keys.raw():
                while True:
                    card = self.session.current()
                    if card is None:
                        break
                    if need_question:
                        self.show_question(card)
                        need_question, revealed = False, False
                    key = self.keys.read()
                    if key in ("", "q", "\x04"):
                        break
                    if key == "u":
                        need_question = self.last is not None
                        self.undo()
                    elif key == "s":
                        self.session.skip(card)
                        self.say("Skipped.")
                        need_question = True
                    elif not revealed and key in REVEAL:
                        self.show_answer(card)
                        revealed = True
                    elif revealed and key in ("1", "2", "3", "4"):
                        review = self.session.rate(card, int(key))
                        self.write(review)
                        self.saved += 1
                        self.last = review
                        state = self.session.progress.state(card.id)
                        self.say(f"{RATINGS[review.rating]}: next in {interval_label((state.due - review.at).total_seconds())}.")
                        need_question = True
        except KeyboardInterrupt:
            self.say("\nStopped.")
        self.summary()
        return 0

    def summary(self) -> None:
        session = self.session
        counts = session.ratings()
        rated = sum(counts.values())
        if rated or session.skipped:
            parts = " · ".join(f"{name} {counts.get(n, 0)}" for n, name in RATINGS.items())
            skipped = f", {len(session.skipped)} skipped" if session.skipped else ""
            self.say(f"\nSession over: {rated} rating(s) ({parts}){skipped}; {self.saved} saved.")
        else:
            self.say("\nNothing to review in this deck right now.")
        now = session.now()
        upcoming = [d for d in (session.next_due(),) if d is not None]
        if upcoming and upcoming[0] > now:
            self.say("Next card due " + when(upcoming[0], now) + ".")
        elif upcoming:
            self.say("Cards are still due: run `studyfolio review` again to continue.")
        _, new, _ = session.counts()
        left = session.progress.unseen(session.deck)
        if left and not new:
            self.say(f"{len(left)} new card(s) wait for another day (daily limit {session.progress.config.new_per_day}).")


def review_in_terminal(session: Session, log_path: str, stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    def write(review: Review) -> None:
        append_reviews(log_path, [review])

    def undo(review: Review) -> bool:
        return take_back(log_path, review)

    loop = TerminalReview(session, Keys(stdin or sys.stdin), out or sys.stdout, write, undo)
    with stop_on_hangup():
        return loop.run()


@contextmanager
def stop_on_hangup():
    """SIGTERM and SIGHUP (the terminal closed) end the session as Ctrl+C does: the summary is
    printed where it can be; every rating is already saved."""
    def stop(number, frame):
        raise KeyboardInterrupt
    previous = {number: signal.signal(number, stop) for number in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
