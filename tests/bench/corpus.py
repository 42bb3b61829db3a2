"""A synthetic corpus of notes for benchmarks: headings, code, links, formulas and tags."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = (
    "gradient vector matrix variance mean sample estimate model error slope rank basis "
    "probability density likelihood descent step learning rate layer weight bias data point "
    "column row space span projection eigen value decomposition loss function minimum "
    "derivative chain rule intuition example because therefore notice simply that this the a"
).split()
TAGS = ["statistics", "linear-algebra", "calculus", "numpy", "intuition", "proof", "practice"]
CATEGORIES = ["Statistics", "Linear algebra", "Calculus"]
# Formulas differ from note to note (the index is in them), as they do in real notes.
FORMULAS = [r"y = {n}x + b", r"\sigma^2 = \frac{{1}}{{{n}}}\sum_{{i=1}}^{{{n}}}(x_i - \mu)^2",
            r"\nabla f(x) = \left(\frac{{\partial f}}{{\partial x_1}}, {n}\frac{{\partial f}}{{\partial x_2}}\right)"]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def note_text(index: int, rng: random.Random, *, count: int, extra: str = "") -> str:
    """About 600 words: 3 sections, a code block, 5 links (to other notes), 2 formulas."""
    links = " ".join(
        f"[see note {n}]({{filename}}note-{n:04d}.md)" for n in rng.sample(range(count), 5)
    )
    tags = ", ".join(rng.sample(TAGS, 3))
    body = [
        f"Title: Synthetic note {index}",
        f"Date: 2026-{1 + index % 12:02d}-{1 + index % 28:02d} 10:{index % 60:02d}",
        f"Category: {CATEGORIES[index % 3]}",
        f"Tags: {tags}",
        "Level: Intermediate",
        "Audience: benchmarks",
        f"Summary: {sentence(rng, 20)}",
        "",
    ]
    for section in range(3):
        body.append(f"## Section {section + 1}")
        body.append("")
        for _ in range(3):
            body.append(" ".join(sentence(rng, 10) for _ in range(6)))
            body.append("")
        if section == 0:
            body += [f"The idea in one line: ${FORMULAS[index % 3].format(n=index + 2)}$.", ""]
        if section == 1:
            body += ["$$", FORMULAS[(index + 1) % 3].format(n=index + 3), "$$", ""]
            body += ["```python", "import numpy as np", "x = np.arange(10)", "print(x.mean())", "```", ""]
    body += [f"Related: {links}", "", extra]
    return "\n".join(body)


def write_corpus(folder: Path, count: int = 1000, seed: int = 7, extra=None) -> Path:
    """Write `count` notes into folder/notes and return folder. `extra(i, rng)` adds text."""
    rng = random.Random(seed)
    notes = folder / "notes"
    notes.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        more = extra(index, rng) if extra else ""
        (notes / f"note-{index:04d}.md").write_text(note_text(index, rng, count=count, extra=more))
    return folder

