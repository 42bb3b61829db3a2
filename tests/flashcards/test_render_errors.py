"""Bad card input: every problem reported as path:line: message with a hint, all at once,
and the card still shown (never dropped, never left as raw /// text)."""

import pytest
from cards_helpers import answer, cards, note, question

H_LEVEL = "    hint: write level: easy, level: medium or level: hard"
H_AT = "    hint: write the time into the note's Video: as at: \"04:14\" (or \"1:02:03\")"
H_CLOZE = "    hint: write {{c1::answer}} or {{c1::answer::hint}}"


def test_unknown_option_names_the_closest_one():
    html, problems = note("/// card | Q?\n    leve: hard\nA.\n///")
    assert problems == ["content/notes/t.md:2: unknown card option 'leve'\n    hint: did you mean 'level'?"]
    [card] = cards(html)
    assert question(card) == "Q?" and answer(card) == "A."


def test_unknown_option_with_nothing_close_lists_the_options():
    _, problems = note("/// card | Q?\n    colour: blue\nA.\n///")
    assert problems == [
        "content/notes/t.md:2: unknown card option 'colour'\n    hint: card options are at, id, level, tags"
    ]


def test_bad_level():
    html, problems = note("/// card | Q?\n    id: q1\n    level: expert\nA.\n///")
    assert problems == ["content/notes/t.md:3: bad level 'expert': expected easy, medium or hard\n" + H_LEVEL]
    [card] = cards(html)
    assert card.get("data-level") is None and card.get("data-card-id") == "q1"


@pytest.mark.parametrize("value", ['"4.14"', '"04:60"', "soon"])
def test_malformed_timestamp(value):
    _, problems = note(f"Video: https://youtu.be/x\n\n/// card | Q?\n    at: {value}\nA.\n///")
    text = value.strip('"')
    assert problems == [
        f"content/notes/t.md:4: malformed timestamp '{text}': expected mm:ss or h:mm:ss, e.g. 04:14\n" + H_AT
    ]


def test_at_without_a_video_in_the_note():
    html, problems = note("Title: x\n\n/// card | Q?\n    at: \"04:14\"\nA.\n///")
    assert problems == [
        "content/notes/t.md:4: card has at: 04:14 but the note has no Video:\n"
        "    hint: add Video: <the video's URL> to the note's metadata, or remove at:"
    ]
    [card] = cards(html)
    assert card.get("data-video-url") is None
    assert card.find_class("card-video") == []


def test_at_past_the_end_of_the_video():
    _, problems = note('Video: https://youtu.be/x\nDuration: 24:30\n\n/// card | Q?\n    at: "25:00"\nA.\n///\n'
                       '\n/// card | R?\n    at: "24:30"\nB.\n///')
    assert problems == [
        "content/notes/t.md:5: card has at: 25:00, past the end of the video (Duration: 24:30)\n"
        "    hint: check the time, or the note's Duration:"
    ]


def test_bad_explicit_id():
    _, problems = note("/// card | Q?\n    id: two words\nA.\n///")
    assert problems == [
        "content/notes/t.md:2: card id 'two words' may hold only letters, digits, '-', '_' and '.',"
        " starting with a letter or digit\n"
        "    hint: an id is a word such as chain-rule; it must stay the same once you review the card"
    ]


def test_options_that_are_not_yaml():
    _, problems = note("/// card | Q?\n    level: [easy\nA.\n///")
    assert len(problems) == 1
    assert problems[0].startswith("content/notes/t.md:")
    assert "card options are not valid YAML" in problems[0]
    assert problems[0].endswith("hint: write one option a line, as key: value, indented 4 spaces under /// card")


def test_empty_question_and_empty_answer():
    html, problems = note("/// card |\nAn answer.\n///\n\n/// card | A question?\n///\n")
    assert problems == [
        "content/notes/t.md:1: card has no question\n"
        "    hint: write the question after the bar: /// card | What is ...?",
        "content/notes/t.md:5: card has no answer\n"
        "    hint: write the answer between the /// card line and the closing ///",
    ]
    first, second = cards(html)
    assert question(first) == "(no question)" and answer(second) == "(no answer)"


def test_unclosed_block_is_reported_and_rendered_as_a_card():
    html, problems = note("Intro.\n\n/// card | Never closed?\nThe answer.\n")
    assert problems == [
        "content/notes/t.md:3: card block is never closed\n    hint: end the card with a line holding only ///"
    ]
    [card] = cards(html)
    assert answer(card) == "The answer."
    assert "///" not in html


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("{{c1:mean}}", "it needs a number and two colons, as in c1::"),
        ("{{c::mean}}", "it needs a number and two colons, as in c1::"),
        ("{{c0::mean}}", "cloze numbers start at 1"),
        ("{{c1::}}", "the answer is empty"),
        ("{{c1::a::b::c}}", "only an answer and one hint may follow the number"),
        ("{{c1::mean::}}", "the hint after the second :: is empty"),
        ("{{c1::mean", "it is never closed with }}"),
    ],
)
def test_unknown_cloze_forms(written, reason):
    html, problems = note(f"/// card | Q?\nThe {written}\n///")
    assert problems == [f"content/notes/t.md:2: unknown cloze form '{written}': {reason}\n" + H_CLOZE]
    [card] = cards(html)
    [shown] = card.find_class("cloze-error")
    assert shown.text_content() == written
    assert shown.get("title") == f"unknown cloze form: {reason}"


def test_cloze_outside_a_card():
    html, problems = note("Title: x\n\nThe {{c1::mean}} is loose.\n")
    assert problems == [
        "content/notes/t.md:3: cloze deletion outside a card\n"
        "    hint: put it in a /// card block, or add Cards: inline to the note's metadata to make its paragraph a card"
    ]
    assert 'class="cloze cloze-stray"' in html


def test_cloze_in_both_question_and_answer():
    _, problems = note("/// card | The {{c1::mean}}?\nand the {{c2::median}}\n///")
    assert problems == [
        "content/notes/t.md:1: cloze deletions in both the question and the answer\n"
        "    hint: a cloze card is one text: put the deletions in the question, or leave the question"
        " out and write the text in the card's body"
    ]


def test_a_card_inside_a_list_is_reported_not_silently_text():
    _, problems = note("- item\n    /// card | in a list\n    answer\n    ///\n")
    assert problems == [
        "content/notes/t.md:2: card block not recognised\n"
        "    hint: a card starts at the beginning of a line, outside lists and quotes, as /// card | question"
    ]


def test_every_problem_of_a_note_is_collected_in_one_pass():
    source = (
        "Title: x\n\n"
        "/// card | One\n    level: expert\n    colour: red\nA.\n///\n\n"
        "/// card | Two\n    at: \"04:14\"\nB.\n///\n\n"
        "/// card\nThe {{c1:x}} form.\n///\n\n"
        "/// card | Four\n"
    )
    html, problems = note(source)
    assert [p.split("\n")[0] for p in problems] == [
        "content/notes/t.md:4: bad level 'expert': expected easy, medium or hard",
        "content/notes/t.md:5: unknown card option 'colour'",
        "content/notes/t.md:10: card has at: 04:14 but the note has no Video:",
        "content/notes/t.md:14: card has no question",
        "content/notes/t.md:15: unknown cloze form '{{c1:x}}': it needs a number and two colons, as in c1::",
        "content/notes/t.md:18: card block is never closed",
        "content/notes/t.md:18: card has no answer",
    ]
    assert len(cards(html)) == 4
    assert "///" not in html
