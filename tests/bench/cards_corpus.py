"""Flashcards for the synthetic benchmark corpus: 10 cards a note, as learners write them
(levels, math in questions and answers, a list, code, two cloze cards, a tag)."""

from __future__ import annotations

import random

LEVELS = ("easy", "medium", "hard")
CARDS_PER_NOTE = 10


def card_text(index: int, rng: random.Random) -> str:
    """The cards appended to note `index`; questions differ per note, as real ones do."""
    words = "gradient vector matrix variance mean slope rank basis likelihood loss".split()
    blocks = []
    for n in range(CARDS_PER_NOTE - 2):
        topic = rng.choice(words)
        blocks.append(
            f"/// card | Card {n} of note {index}: what does the {topic} tell me about $x_{{{n}}}$?\n"
            f"    level: {LEVELS[(index + n) % 3]}\n"
            f"    tags: {topic}\n"
            f"The {topic} of $x_{{{n}}}$ is ${n + index} \\cdot \\sigma^2$, because:\n\n"
            f"- the first reason about {topic}\n- the second reason, with `code {n}`\n///\n"
        )
    blocks.append(f"/// card\nIn note {index} the {{{{c1::mean}}}} is the {{{{c2::average::a word}}}}.\n///\n")
    blocks.append(f"/// card | Note {index}: the {{{{c1::slope}}}} is $m$ in $y = mx + b$.\nExtra.\n///\n")
    return "\n".join(blocks)
