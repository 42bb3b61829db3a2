"""The card examples in README's Flashcards section render as documented, without problems."""

import re

from cards_helpers import cards, note

from sitebuild import ROOT


def examples() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Flashcards\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```markdown\n(.*?)```", section, flags=re.S)


def test_every_example_gives_cards_and_no_problem():
    found = examples()
    assert len(found) == 3
    counts = []
    for example in found:
        html, problems = note("Title: x\nVideo: https://youtu.be/x\nCards: inline\n\n" + example)
        assert problems == [], example
        counts.append([c.get("data-kind") for c in cards(html)])
    assert counts == [["basic"], ["cloze", "cloze"], ["basic", "basic", "reversed", "basic"]]
