"""A vault's spaced repetition settings, given as STUDYFOLIO_OBSIDIAN_SETTINGS, reach the build."""

from __future__ import annotations

import json

from cards_helpers import SITE

from sitebuild import build_site
from studyfolio.flashcards.collect import settings_problems
from studyfolio.flashcards.export import read_cards_json

NOTE = """---
title: From my vault
date: 2026-09-14
tags: [flashcards/algebra]
---

Norm=>the length of a vector

Which products are zero
for perpendicular vectors?
%%
- the dot product
- hence their projections

#cards/geometry Angle sum=>180°
"""


def test_a_build_reads_inline_cards_with_the_vaults_settings(tmp_path):
    settings = tmp_path / "data.json"
    settings.write_text(json.dumps({"singleLineCardSeparator": "=>", "multilineCardSeparator": "%%",
                                    "flashcardTags": ["#flashcards", "#cards"]}), encoding="utf-8")
    content = tmp_path / "content"
    (content / "notes").mkdir(parents=True)
    (content / "notes" / "vault.md").write_text(NOTE, encoding="utf-8")
    build = build_site(SITE / "cardsconf.py", tmp_path / "output", content=content, cwd=SITE,
                       extra={"STUDYFOLIO_OBSIDIAN_SETTINGS": str(settings), "STUDYFOLIO_OBSIDIAN": True})
    assert build.returncode == 0, build.log
    cards = read_cards_json(build.output / "cards.json")
    assert [(c["kind"], c["question"], c["answer"]) for c in cards] == [
        ("basic", "Norm", "<p>the length of a vector</p>"),
        ("basic", "Which products are zero<br>\nfor perpendicular vectors?",
         "<ul>\n<li>the dot product</li>\n<li>hence their projections</li>\n</ul>"),
        ("basic", "Angle sum", "<p>180°</p>"),
    ]
    # a #tag anywhere in a vault note is the note's tag, so every card has both
    assert [c["tags"] for c in cards] == [["cards-geometry", "flashcards-algebra"]] * 3


def test_settings_that_cannot_be_read_are_reported_and_the_defaults_used(tmp_path):
    broken = tmp_path / "data.json"
    broken.write_text('{"singleLineCardSeparator": 2}', encoding="utf-8")
    [problem] = settings_problems({"STUDYFOLIO_OBSIDIAN_SETTINGS": str(broken)})
    assert problem.format() == (
        f"{broken}:1: spaced repetition settings not used: singleLineCardSeparator is 2, expected a string\n"
        "    hint: fix the file or unset STUDYFOLIO_OBSIDIAN_SETTINGS; inline cards are read with the"
        " plugin's default settings meanwhile")
    assert settings_problems({"STUDYFOLIO_OBSIDIAN_SETTINGS": str(tmp_path / "none.json")}) == []
    assert settings_problems({}) == []
