"""Conformance: inline cards are read as Obsidian's spaced repetition plugin reads them.

Each case is a note of our own, the rule it exercises, and the cards the page then shows:
their kind, question and answer as rendered (whitespace folded), the decks their tags chose,
and text the page keeps outside the cards or never shows."""

from __future__ import annotations

import json
from datetime import date
from typing import NamedTuple

import markdown
import pytest
from cards_helpers import EXTENSIONS, answer, cards, question
from lxml import html as lxml_html

from studyfolio.core.source import NoteSource
from studyfolio.core.vault import read_vault_note
from studyfolio.flashcards.srschedule import SrSchedule

HEAD = "Title: x\nCards: inline\n\n"


class Case(NamedTuple):
    id: str
    rule: str
    source: str
    cards: list  # (kind, question, answer) per card, in page order
    settings: dict | None = None  # the vault's data.json, when not the defaults
    decks: list | None = None  # data-deck of each card
    kept: tuple = ()  # text the page shows outside the cards
    absent: tuple = ()  # text the page never shows


def basic(q, a):
    return [("basic", q, a)]


def both(q, a):
    return [("basic", q, a), ("reversed", a, q)]


CASES = [
    # one-line separators
    Case("single", "single-line ::", "What is a vector::An ordered list of numbers.",
         basic("What is a vector", "An ordered list of numbers.")),
    Case("single-spaces", "single-line ::", "Mode ::  the most frequent value",
         basic("Mode", "the most frequent value")),
    Case("reversed", "single-line ::: (reversed)", "Derivative of sin:::cos",
         both("Derivative of sin", "cos")),
    Case("longest-first", "single-line ::: (reversed)", "a::b:::c", both("a::b", "c")),
    Case("prose-around", "single-line ::", "Some context.\nRank::the number of pivots\nMore context.",
         basic("Rank", "the number of pivots"), kept=("Some context.", "More context.")),
    Case("code-first", "separator in inline code", "`std::vector` holds items::in order", [],
         kept=("std::vector",)),
    Case("code-later", "separator in inline code", "Scope operator::`a::b`",
         basic("Scope operator", "a::b")),
    Case("fence", "fenced code is never a card", "```cpp\nnamespace::name\n\nx::y\n```", [],
         kept=("namespace::name", "x::y")),
    # multi-line separators
    Case("multi", "multi-line ?", "How do I multiply\nmatrices by hand?\n?\nRow times column,\nthen add.",
         basic("How do I multiply matrices by hand?", "Row times column, then add.")),
    Case("multi-reversed", "multi-line ?? (reversed)", "Inverse of a rotation\n??\nits transpose",
         both("Inverse of a rotation", "its transpose")),
    Case("multi-trailing-space", "multi-line ?", "Variance\n?  \nmean squared deviation",
         basic("Variance", "mean squared deviation")),
    Case("multi-no-question", "multi-line ?", "?\nan answer with no question", [],
         kept=("an answer with no question",)),
    Case("answer-list", "answer includes lists", "Three primes below six?\n?\n- two\n- three\n- five",
         basic("Three primes below six?", "two three five")),
    Case("answer-list-then-prose", "answer ends at a blank line",
         "Steps of Gram-Schmidt?\n?\n1. project\n2. subtract\n3. normalise\n\nAfter the card.",
         basic("Steps of Gram-Schmidt?", "project subtract normalise"), kept=("After the card.",)),
    Case("answer-quote", "answer includes quotes", "Who wrote it?\n?\n> all models are wrong\n> some are useful",
         basic("Who wrote it?", "all models are wrong some are useful")),
    Case("answer-table", "answer includes tables", "Truth table of AND?\n?\n| a | b | a∧b |\n| --- | --- | --- |\n| 1 | 1 | 1 |",
         basic("Truth table of AND?", "a b a∧b 1 1 1")),
    Case("answer-fence", "a fence's blank lines do not end the answer",
         "Swap two names in Python?\n?\n```python\na = 1\n\nb = 2\n\na, b = b, a\n```\nThat is all.\n\nOutside.",
         basic("Swap two names in Python?", "a = 1 b = 2 a, b = b, a That is all."), kept=("Outside.",)),
    Case("separator-takes-over", "a :: line ends the text it is in", "Q\n?\nA\nTerm::Definition",
         basic("Term", "Definition"), kept=("Q", "A")),
    Case("end-marker", "multi-line end marker setting",
         "Eigen decomposition?\n?\nA = QΛQ⁻¹\n\nfor a diagonalisable A\n+++\nProse again.",
         basic("Eigen decomposition?", "A = QΛQ⁻¹ for a diagonalisable A"),
         settings={"multilineCardEndMarker": "+++"}, kept=("Prose again.",), absent=("+++",)),
    Case("end-marker-blank-before", "multi-line end marker setting", "Lead-in.\n\nKernel?\n?\nwhat maps to zero\n+++",
         basic("Kernel?", "what maps to zero"), settings={"multilineCardEndMarker": "+++"},
         kept=("Lead-in.",)),
    Case("custom-separators", "separators from data.json", "Norm=>length\n\nInner<=>dot\n\nSpan\n%%\nall combinations",
         [*basic("Norm", "length"), *both("Inner", "dot"), *basic("Span", "all combinations")],
         settings={"singleLineCardSeparator": "=>", "singleLineReversedCardSeparator": "<=>",
                   "multilineCardSeparator": "%%", "multilineReversedCardSeparator": "%%%"}),
    Case("default-separator-off", "separators from data.json", "Q::A", [],
         settings={"singleLineCardSeparator": "=>"}, kept=("Q::A",)),
    # cloze
    Case("cloze", "cloze ==highlight==", "The ==mean== is pulled by outliers.",
         [("cloze", "The […] is pulled by outliers.", "The mean is pulled by outliers.")]),
    Case("cloze-two", "cloze ==highlight==", "==Paris== is in ==France==.",
         [("cloze", "[…] is in France.", "Paris is in France."),
          ("cloze", "Paris is in […].", "Paris is in France.")]),
    Case("cloze-hint", "cloze ==highlight==", "The ==median;;middle== value.",
         [("cloze", "The [middle] value.", "The median value.")]),
    Case("cloze-numbered", "cloze ==highlight==", "==1;;sin== and ==1;;cos== are ==2;;periodic==.",
         [("cloze", "[…] and […] are periodic.", "sin and cos are periodic."),
          ("cloze", "sin and cos are […].", "sin and cos are periodic.")]),
    Case("cloze-paragraph", "cloze ==highlight==", "A line before\nthen ==the deletion==\n\nNot in it.",
         [("cloze", "A line before then […]", "A line before then the deletion")], kept=("Not in it.",)),
    Case("cloze-bold-off", "**bold** and {{curly}} off by default", "A **bold** word and {{curly}} ones.", []),
    Case("cloze-bold-on", "**bold** cloze when enabled", "A **bold** word.",
         [("cloze", "A […] word.", "A bold word.")], settings={"convertBoldTextToClozes": True}),
    Case("cloze-curly-on", "{{curly}} cloze when enabled", "Lisbon is in {{Portugal}}, not ==Spain==.",
         [("cloze", "Lisbon is in […], not ==Spain==.", "Lisbon is in Portugal, not ==Spain==.")],
         settings={"convertCurlyBracketsToClozes": True, "convertHighlightsToClozes": False}),
    Case("cloze-pattern-list", "cloze patterns from data.json", "Lisbon is in {{Portugal::a country}}.",
         [("cloze", "Lisbon is in [a country].", "Lisbon is in Portugal.")],
         settings={"clozePatterns": ["{{[123::]answer[::hint]}}"],
                   "singleLineCardSeparator": "=>", "singleLineReversedCardSeparator": "<=>"}),
    Case("cloze-in-code", "deviation: code spans are never cloze", "Compare with `a == b == c` in code.", []),
    Case("own-cloze", "deviation: Studyfolio's {{c1::...}} still works", "The {{c1::median}} is the middle.",
         [("cloze", "The […] is the middle.", "The median is the middle.")]),
    # headings, lists, quotes
    Case("heading-single", "heading lines as questions", "## What is a tensor::An n-dimensional array",
         basic("What is a tensor", "An n-dimensional array"), kept=("What is a tensor",),
         absent=("##",)),
    Case("heading-multi", "heading lines as questions", "## What is a tensor?\n?\nAn n-dimensional array",
         basic("What is a tensor?", "An n-dimensional array"), kept=("What is a tensor?",)),
    Case("list-item", "cards in list items", "- first\n- Mean::the average\n- third",
         basic("Mean", "the average"), kept=("first", "third")),
    Case("nested-list-item", "cards in list items", "- topic\n    - Median::the middle",
         basic("Median", "the middle"), kept=("topic",)),
    Case("quote", "cards in quotes", "> Range::max minus min", basic("Range", "max minus min")),
    # scheduling comments and block ids
    Case("sr-same-line", "<!--SR:--> not card text", "Q1::A1 <!--SR:!2026-10-01,12,250-->",
         basic("Q1", "A1"), absent=("SR:", "2026-10-01")),
    Case("sr-next-line", "<!--SR:--> not card text", "Q1::A1\n<!--SR:!2026-10-01,12,250-->\nProse.",
         basic("Q1", "A1"), kept=("Prose.",), absent=("SR:",)),
    Case("sr-multi", "<!--SR:--> not card text", "Q1\n?\nA1\n<!--SR:!2026-10-01,12,250!2026-10-03,4,230-->",
         basic("Q1", "A1"), absent=("SR:",)),
    Case("sr-callout", "<!--SR:--> not card text", "Q1::A1\n> [!sr|card-metadata]\n> <!--SR:!2026-10-01,12,250-->",
         basic("Q1", "A1"), absent=("card-metadata", "SR:")),
    Case("block-id", "^block-id not card text", "Q1::A1 ^vec-1", basic("Q1", "A1"), absent=("^vec-1",)),
    Case("block-id-sr", "^block-id not card text", "Q1\n?\nA1 ^vec-2\n<!--SR:!2026-10-01,12,250-->",
         basic("Q1", "A1"), absent=("^vec-2", "SR:")),
    Case("html-comment", "HTML comments hide cards", "<!-- Q1::A1 -->\n\nQ2::A2", basic("Q2", "A2")),
    Case("html-comment-lines", "deviation: a comment ends at its -->",
         "<!--\nQ1::A1\n-->\n\nQ2::A2", basic("Q2", "A2")),
    Case("sr-callout-unclosed", "deviation: a callout ends at its last quote line",
         "Q1::A1\n> [!sr|card-metadata]\nQ2::A2", [*basic("Q1", "A1"), *basic("Q2", "A2")]),
    # which notes, which decks
    Case("tag-in-text", "notes with a flashcard tag are read", "---\n---\n#flashcards\nQ::A",
         basic("Q", "A"), decks=["flashcards"], kept=("#flashcards",)),
    Case("tag-in-metadata", "notes with a flashcard tag are read", "---\ntags: [flashcards/algebra]\n---\nQ::A",
         basic("Q", "A"), decks=["flashcards/algebra"]),
    Case("no-tag", "notes with a flashcard tag are read", "---\ntags: algebra\n---\nQ::A", [], kept=("Q::A",)),
    Case("cards-blocks-wins", "notes with a flashcard tag are read", "---\ncards: blocks\n---\n#flashcards\nQ::A",
         []),
    Case("custom-tag", "flashcard tags from data.json", "---\n---\n#cards/bio\nCell::the unit of life",
         basic("Cell", "the unit of life"), settings={"flashcardTags": ["#cards"]}, decks=["cards/bio"]),
    Case("custom-tag-replaces", "flashcard tags from data.json", "---\n---\n#flashcards\nQ::A", [],
         settings={"flashcardTags": ["#cards"]}),
    Case("ignored-tag", "flashcard tags to ignore from data.json", "Title: x\nTags: flashcards, drafts/old\n\nQ::A",
         [], settings={"flashcardTagsToIgnore": ["#drafts"]}),
    Case("deck-leading-line", "#flashcards/deck leading a card", "#flashcards/algebra Rank::pivots",
         basic("Rank", "pivots"), decks=["flashcards/algebra"], absent=("#flashcards/algebra",)),
    Case("deck-line-above", "#flashcards/deck leading a card", "#flashcards/geometry\nAngle sum\n?\n180°",
         basic("Angle sum", "180°"), decks=["flashcards/geometry"]),
    Case("deck-following-tags", "#flashcards/deck tags on the note",
         "#flashcards/a\nQ1::A1\n\n#flashcards/b Q2::A2\n\nQ3::A3\n\n#flashcards/c\nQ4::A4",
         [*basic("Q1", "A1"), *basic("Q2", "A2"), *basic("Q3", "A3"), *basic("Q4", "A4")],
         decks=["flashcards/a", "flashcards/b", "flashcards/a", "flashcards/c"]),
]


def folded(text: str) -> str:
    return " ".join(text.split())


def render(source: str, settings: dict | None, tmp_path) -> tuple[str, list[str]]:
    configs = {}
    if settings is not None:
        path = tmp_path / "data.json"
        path.write_text(json.dumps(settings), encoding="utf-8")
        configs = {"studyfolio.flashcards.extension": {"obsidian_settings": str(path)}}
    vault = source.startswith("---")  # a note with front matter is read as a vault note
    extensions = ["extra", *EXTENSIONS, *(["studyfolio.obsidian.extension"] if vault else [])]
    md = markdown.Markdown(extensions=extensions, extension_configs=configs, output_format="html5")
    note = NoteSource(path="content/notes/t.md", text=source)
    md.studyfolio_note = note
    if vault:  # read as the vault note it is, as the reader does
        md.studyfolio_vault = True
        read_vault_note(note)
        source = note.text
    html = md.convert(source)
    return html, [d.format() for d in sorted(note.diagnostics)]


def page_text(html: str) -> str:
    root = lxml_html.fragment_fromstring(html or "<p></p>", create_parent="div")
    for card in root.xpath(".//details[@data-card-id]"):
        card.drop_tree()
    return root.text_content()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_cards_as_the_plugin_reads_them(case: Case, tmp_path):
    source = case.source if case.source.startswith(("Title:", "---")) else HEAD + case.source
    html, problems = render(source + "\n", case.settings, tmp_path)
    assert problems == []
    found = cards(html)
    assert [(c.get("data-kind"), folded(question(c)), folded(answer(c))) for c in found] == case.cards
    if case.decks is not None:
        assert [c.get("data-deck") for c in found] == case.decks
    outside = page_text(html)
    for text in case.kept:
        assert text in outside
    shown = lxml_html.fragment_fromstring(html or "<p></p>", create_parent="div").text_content()
    for text in case.absent:  # never shown (the schedule rides along in data-sr, not as text)
        assert text not in shown


def test_every_rule_has_cases():
    rules = {case.rule for case in CASES}
    assert len(CASES) >= 30 and len(rules) >= 20


def test_the_schedule_of_each_card_is_kept_on_its_spec(tmp_path):
    source = HEAD + ("Q1::A1 <!--SR:!2026-10-01,12,250-->\n\nQ2:::A2\n<!--SR:!2026-10-02,3,230!2026-10-04,7,270-->\n\n"
                     "==x== and ==y==\n<!--SR:!2000-01-01,1,250!2026-11-01,30,290-->\n\nQ4::A4\n")
    md = markdown.Markdown(extensions=["extra", *EXTENSIONS], output_format="html5")
    md.studyfolio_note = NoteSource(path="content/notes/t.md", text=source)
    md.convert(source)
    [state] = [ext.state for ext in md.registeredExtensions if type(ext).__name__ == "FlashcardsExtension"]
    assert [spec.sr_schedule for spec in state.specs] == [
        [SrSchedule(date(2026, 10, 1), 12, 250)],
        [SrSchedule(date(2026, 10, 2), 3, 230), SrSchedule(date(2026, 10, 4), 7, 270)],
        [None, SrSchedule(date(2026, 11, 1), 30, 290)],
        [],
    ]
