"""Gathering cards from note HTML, and duplicate ids reported with both places."""

from cards_helpers import note

from studyfolio.flashcards.collect import duplicates
from studyfolio.flashcards.model import cards_from_html


def gathered(source: str, path: str):
    html, problems = note(source)
    assert problems == []
    return cards_from_html(html, title="T", url="notes/t/", path=path)


def test_cards_come_back_from_the_html_with_every_field():
    [card] = gathered('Video: https://youtu.be/x\n\n/// card | Why *square*?\n    level: hard\n    at: "0:07"\n'
                      "    tags: a\nSo misses do not cancel.\n///\n", "content/notes/t.md")
    assert (card.question, card.answer) == ("Why <em>square</em>?", "<p>So misses do not cancel.</p>")
    assert (card.level, card.tags, card.kind, card.cloze) == ("hard", ("a",), "basic", None)
    assert (card.video_url, card.place, card.position) == ("https://youtu.be/x?t=7", "content/notes/t.md:3", 0)
    assert card.html.startswith('<details class="card"') and card.html.endswith("</details>")


def test_the_same_question_twice_in_a_note_is_reported_at_the_second_naming_the_first():
    cards = gathered("/// card | What is a mean?\nA.\n///\n\n/// card | what is a MEAN\nB.\n///\n",
                     "content/notes/t.md")
    kept, problems = duplicates(cards)
    assert [c.answer for c in kept] == ["<p>A.</p>"]
    assert [p.format() for p in problems] == [
        f"content/notes/t.md:5: duplicate card id '{cards[0].id}': content/notes/t.md:1 has the same id\n"
        "    hint: give one of the two cards its own id: option (a derived id comes from the question,"
        " so two cards asking the same thing in one note collide)"
    ]


def test_a_duplicated_cloze_card_is_reported_once_not_once_per_number():
    first = gathered("/// card\n    id: same\nThe {{c1::a}} and {{c2::b}}.\n///\n", "content/notes/a.md")
    second = gathered("/// card\n    id: same\nThe {{c1::c}} and {{c2::d}}.\n///\n", "content/notes/b.md")
    kept, problems = duplicates(first + second)
    assert [c.id for c in kept] == ["same-c1", "same-c2"]
    assert [p.message for p in problems] == ["duplicate card id 'same-c1': content/notes/a.md:1 has the same id"]


def test_no_cards_in_empty_or_card_free_html():
    assert cards_from_html("", title="T", url="u", path="p") == []
    assert cards_from_html("<p>Just prose.</p>", title="T", url="u", path="p") == []


def test_a_card_written_as_raw_html_is_gathered_into_its_note():
    html = '<details class="card" data-card-id="vec-1"><summary>What is a vector?</summary><p>An arrow.</p></details>'
    [card] = cards_from_html(html, title="T", url="notes/v/", path="content/notes/v.md", slug="v")
    assert (card.id, card.note_slug, card.question, card.answer) == ("vec-1", "v", "What is a vector?", "<p>An arrow.</p>")
    assert (card.kind, card.level, card.tags, card.line) == ("basic", None, (), 0)
