"""Inline cards (as in Obsidian's spaced repetition): only where enabled, never inside code."""

import markdown
from cards_helpers import answer, cards, note, question

from markdown_pairs import render
from studyfolio.core.source import NoteSource
from studyfolio.flashcards.ids import derived_id

INLINE = "Title: x\nCards: inline\n\n"


def test_question_double_colon_answer_is_a_basic_card():
    html, problems = note(INLINE + "What is a vector::An ordered list of numbers.\n")
    assert problems == []
    [card] = cards(html)
    assert (question(card), answer(card)) == ("What is a vector", "An ordered list of numbers.")
    assert card.get("data-kind") == "basic"
    assert card.get("data-line") == "4"
    assert card.get("data-card-id") == derived_id("t", "What is a vector")


def test_triple_colon_gives_a_card_both_ways():
    html, problems = note(INLINE + "Dot product of perpendicular vectors:::Zero\n")
    assert problems == []
    forward, backward = cards(html)
    base = derived_id("t", "Dot product of perpendicular vectors")
    assert [forward.get("data-card-id"), backward.get("data-card-id")] == [base, f"{base}-r"]
    assert [forward.get("data-kind"), backward.get("data-kind")] == ["basic", "reversed"]
    assert (question(backward), answer(backward)) == ("Zero", "Dot product of perpendicular vectors")


def test_multi_line_cards_split_at_a_question_mark_line():
    html, problems = note(INLINE + "How do I multiply matrices\nby hand?\n?\nRow times column,\nthen sum.\n\nAfter.\n")
    assert problems == []
    [card] = cards(html)
    assert question(card) == "How do I multiply matrices\nby hand?"
    assert card.find("summary/span").find("br") is not None
    assert answer(card) == "Row times column,\nthen sum."
    assert "<p>After.</p>" in html


def test_double_question_mark_line_gives_both_directions():
    html, _ = note(INLINE + "Slope of y = 2x + 1\n??\nTwo\n")
    assert [c.get("data-kind") for c in cards(html)] == ["basic", "reversed"]


def test_a_paragraph_with_cloze_is_a_cloze_card_in_inline_notes():
    html, problems = note(INLINE + "The {{c1::median}} is the middle value.\n")
    assert problems == []
    [card] = cards(html)
    assert card.get("data-kind") == "cloze"
    assert question(card) == "The […] is the middle value."


def test_cards_and_prose_lines_in_one_paragraph_are_separated():
    html, problems = note(INLINE + "Some prose first.\nQ one::A one\nMore prose.\n")
    assert problems == []
    assert [question(c) for c in cards(html)] == ["Q one"]
    assert html.index("<p>Some prose first.</p>") < html.index("Q one") < html.index("<p>More prose.</p>")


def test_never_inside_code_spans_or_fenced_code():
    source = INLINE + "Use `std::vector` here.\n\n```cpp\nstd::vector<int> v;\n\nv::x;\n```\n"
    html, problems = note(source)
    assert problems == []
    assert cards(html) == []
    for text in ("std::vector", "v::x"):
        assert text in html


def test_list_items_headings_and_quotes_hold_cards_as_in_the_plugin():
    source = INLINE + "# Title::a heading card\n\n- item::a list card\n\n> quote::a quote card\n"
    html, problems = note(source)
    assert problems == []
    assert [(question(c), answer(c)) for c in cards(html)] == [
        ("Title", "a heading card"), ("item", "a list card"), ("quote", "a quote card")]
    assert "<h1>Title</h1>" in html


def test_inline_syntax_is_off_unless_asked_for():
    html, problems = note("Title: x\n\nWhat is a vector::A list.\n")
    assert problems == []
    assert cards(html) == []
    assert "<p>What is a vector::A list.</p>" in html


def test_a_site_wide_setting_turns_it_on_and_cards_blocks_turns_it_off_per_note():
    config = {"studyfolio.flashcards.extension": {"inline": True}}
    for source, expected in (("Title: x\n\nQ::A\n", 1), ("Title: x\nCards: blocks\n\nQ::A\n", 0)):
        md = markdown.Markdown(extensions=["meta", "studyfolio.flashcards.extension"], extension_configs=config)
        md.studyfolio_note = NoteSource(path="content/notes/t.md", text=source)
        assert len(cards(md.convert(source))) == expected


def test_an_unknown_cards_value_is_reported():
    _, problems = render("Title: x\nCards: sometimes\n\nQ::A\n", "meta", "studyfolio.flashcards.extension")
    assert problems == [
        "content/notes/t.md:2: unknown Cards value 'sometimes'\n"
        "    hint: write Cards: inline (question::answer lines become cards) or Cards: blocks"
    ]


def test_empty_sides_of_inline_cards_are_reported():
    _, problems = note(INLINE + "::only an answer\n\nonly a question::\n\nNo answer below\n?\n")
    assert problems == [
        "content/notes/t.md:4: card has no question\n"
        "    hint: write question::answer, or the question above a line holding only ?",
        "content/notes/t.md:6: card has no answer\n"
        "    hint: write the answer after the ::, or below the line holding only ?",
        "content/notes/t.md:8: card has no answer\n"
        "    hint: write the answer after the ::, or below the line holding only ?",
    ]
