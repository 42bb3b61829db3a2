"""Reading video summary pages: both flashcard layouts, h:mm:ss, missing sections, errors."""

from pathlib import Path

import pytest

from studyfolio.importers.summary_page import (
    Card,
    Mention,
    Moment,
    Said,
    SummaryError,
    Topic,
    parse_summary,
)

SAMPLES = Path(__file__).parent / "samples"


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def test_same_line_layout_every_part_accounted_for():
    page = parse_summary(sample("roadmap-same-line.txt"))
    assert (page.title, page.video_id, page.duration) == ("The Math You Need for Machine Learning, in Order", "Qm4tR8vLx2A", 845)
    assert (page.level, page.audience, page.reading_time) == (
        "Intermediate", "Self-taught programmers moving into machine learning", "5 min read",
    )
    assert page.url == "https://www.youtube.com/watch?v=Qm4tR8vLx2A"
    assert page.summary.startswith("A self-taught engineer lays out the order")
    assert page.summary.endswith("writing small programs along the way.")
    assert [(t.at, t.heading) for t in page.topics] == [
        (0, "Why bother with the math"), (160, "Pictures before proofs"),
        (375, "A course for structure"), (630, "Books and code together"),
    ]
    assert page.topics[2] == Topic(375, "A course for structure", "A structured online course gives exercises and a fixed pace. He suggests one that covers linear algebra, calculus and probability in a single track.")
    assert page.clickbait == '8% "The title promises an ordered plan and the video gives exactly that."'
    assert page.mentions == [
        Mention("NumPy", "tool"), Mention("3Blue1Brown", "link"),
        Mention("Coursera", "service"), Mention("Mathematics for Machine Learning", "book"),
    ]
    assert [(c.level, c.at) for c in page.cards] == [("medium", 48), ("easy", 175), ("easy", 400), ("hard", 662)]
    assert page.cards[0] == Card(
        "Why learn the math if libraries already implement the models?",
        "Because when a model misbehaves, understanding the math underneath is what lets you find out why.",
        "medium", 48,
    )
    assert page.moments == [
        Moment("💡", "The debugging argument", "Math is framed as a debugging tool rather than a gatekeeping exam.", 75),
        Moment("🎬", "Animation beats notation", "A single animation of a matrix squashing space replaces a page of definitions.", 210),
        Moment("🧪", "Code every chapter", "The habit of writing one small program per chapter is the core advice.", 645),
    ]
    transcript_lines = [line for line in sample("roadmap-same-line.txt").split("Full Transcript\n")[1].splitlines() if line]
    assert len(page.transcript) == len(transcript_lines) == 8
    assert [f"[{s.at // 60:02d}:{s.at % 60:02d}] {s.text}" for s in page.transcript] == transcript_lines


def test_next_line_layout_with_repeated_questions_and_hours():
    page = parse_summary(sample("gradients-next-line.txt"))
    assert (page.video_id, page.duration, page.reading_time) == ("Zp9_kW3eYb0", 3730, "6 min read")
    assert [t.at for t in page.topics] == [0, 750, 3605]
    assert page.mentions == []
    assert page.cards == [
        Card("What is the gradient of a function of several variables?",
             "The vector of its partial derivatives, one slope for each input direction.", "medium", 190),
        Card("Why do we step against the gradient?",
             "Because the gradient points uphill, the steepest way to lower the loss is the opposite direction.", "easy", 842),
        Card("What goes wrong when the learning rate is too large?",
             "The steps overshoot the minimum and the loss can bounce around or grow without bound.", "hard", 3690),
    ]
    assert page.moments == [Moment("📉", "The loss curve flattens", "Watching the loss shrink step after step makes the idea click.", 1540)]
    assert page.transcript[1] == Said(15, "We start with a curve and ask a simple question: how steep is it right here? That number is the derivative, and it is all we need to begin.")
    assert [s.at for s in page.transcript] == [0, 15, 750, 1540, 3605]


def test_missing_sections_are_tolerated():
    page = parse_summary("Just a title\nVideo ID: abcdefghijk\n\nFull Transcript\n[0:05] Hello.\n[1:00:00] Bye.\n")
    assert (page.title, page.summary, page.topics, page.mentions, page.cards, page.moments) == (
        "Just a title", "", [], [], [], [],
    )
    assert page.transcript == [Said(5, "Hello."), Said(3600, "Bye.")]
    assert page.duration is None and page.clickbait == ""


def test_a_card_without_a_time_is_kept():
    page = parse_summary("T\nVideo ID: abcdefghijk\nStudy Flashcards (2)\nQ one?\nhard\nA one.\nQ two?\neasy\nA two.\n01:00\n")
    assert page.cards == [Card("Q one?", "A one.", "hard", None), Card("Q two?", "A two.", "easy", 60)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("a\x00b", "this is not text (it holds NUL bytes): save the page as plain text"),
        ("Some notes\nabout nothing\n", "no section of a video summary page found: expected 'AI Summary', 'Study Flashcards' or 'Full Transcript'"),
        ("Title\nAI Summary\nText.\n", "no video id: expected a line 'Video ID: ...' or a YouTube link before 'AI Summary'"),
        ("Title\nVideo ID: short\nAI Summary\nText.\n", "video id 'short' is not 11 letters, digits, '-' or '_'"),
        ("T\nVideo ID: abcdefghijk\nStudy Flashcards (3)\nQ?\nmedium\nA.\n00:10\n", "the page announces 3 flashcards but only 1 could be read"),
        ("T\nVideo ID: abcdefghijk\nStudy Flashcards (1)\nQ?\nA without level.\n00:10\n",
         "line 5: expected the difficulty (easy, medium or hard) of the card 'Q?', got 'A without level.'"),
        ("T\nVideo ID: abcdefghijk\nMentioned in this Video\nNumPy\nlibrary\n", "line 5: expected the kind of 'NumPy' (tool, link, service, book), got 'library'"),
        ("T\nVideo ID: abcdefghijk\nFull Transcript\n[04:75] Oops.\n", "line 4: malformed timestamp '04:75': expected mm:ss or h:mm:ss, e.g. 04:14"),
        ("T\nVideo ID: abcdefghijk\nBest Moments\n💡\nTitle only\n", "line 4: the best moment '💡' has no time"),
    ],
)
def test_unreadable_pages_say_why(text, message):
    with pytest.raises(SummaryError) as caught:
        parse_summary(text)
    assert str(caught.value) == message
