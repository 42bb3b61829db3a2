"""Helpers for the review tests: a built-site folder (cards.json), a content folder (the log), the build log."""

from __future__ import annotations

import json
import re
from pathlib import Path


def card(card_id: str, note: str, question: str, answer: str, *, level=None, tags=(), title=None) -> dict:
    """One card in the shape of the flashcards plugin's cards.json."""
    return {
        "id": card_id,
        "note": {"slug": note, "title": title or note.capitalize(), "url": f"notes/{note}/"},
        "question": question,
        "answer": answer,
        "level": level,
        "tags": list(tags),
        "video_url": None,
        "cloze": None,
        "kind": "basic",
    }


CARDS = [
    card("variance-aaaa1111", "variance", "<p>What does variance measure?</p>", "<p>How <em>spread out</em> values are.</p>", level="easy", tags=("stats",), title="Variance, in my own words"),
    card("variance-bbbb2222", "variance", "<p>Why square the distances?</p>", "<ul><li>no cancelling</li><li>big gaps weigh more</li></ul>", level="medium", tags=("stats",), title="Variance, in my own words"),
    card("bayes-cccc3333", "bayes", "<p>What is a prior?</p>", "<p>A belief before the evidence.</p>", level="easy", tags=("probability",), title="Bayes' theorem"),
]


class Place:
    """A site root in tmp_path: output/cards.json and content/reviews.jsonl."""

    def __init__(self, root: Path):
        self.root = root
        self.site = root / "output"
        self.content = root / "content"
        self.site.mkdir()
        self.content.mkdir()
        self.log = self.content / "reviews.jsonl"

    def cards(self, cards: list[dict]) -> None:
        document = {"format": "studyfolio-cards", "version": 1, "cards": cards}
        (self.site / "cards.json").write_text(json.dumps(document))

    def lines(self) -> list[str]:
        return self.log.read_text().splitlines() if self.log.exists() else []

    def args(self, *extra: str) -> list[str]:
        return [*extra, "--site", str(self.site), "--content", str(self.content)]


SITE = Path(__file__).with_name("site")


def report_text(log: str) -> str:
    """Pelican's log as one line of text, without its time, level and source columns."""
    text = re.sub(r"\s\S+\.py:\d+[ \t]*$", " ", log, flags=re.MULTILINE)
    text = re.sub(r"\[\d\d:\d\d:\d\d\]", " ", text)
    text = re.sub(r"\b(ERROR|WARNING|INFO)\b", " ", text)
    text = re.sub(r"(:\d+: )(?:error|warning): ", r"\1", text)  # the severity: see tests/core/test_problem_lines.py
    return " ".join(text.split())
