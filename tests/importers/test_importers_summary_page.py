"""Reading video summary pages as browsers save them: both layouts, every variation seen on real
pages, parts missing, and what stops an import."""

from pathlib import Path

import pytest

from studyfolio.importers.summary_model import Card, Clickbait, Mention, Moment, Notice, Said, Topic
from studyfolio.importers.summary_page import SummaryError, parse_summary

SAMPLES = Path(__file__).parent / "samples"


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_timed_topics_layout_every_part_accounted_for():
    """Navigation line, `Video <id>` after a blank line, the length and level lines, timed topics,
    clickbait on two lines, an empty mentions list, difficulty and reveal on one line, blank lines
    between card parts, emoji on their own line, `Download .txt` on its own line, h:mm:ss."""
    summary = parse_summary(sample("timed-topics-same-line.txt"))
    assert (summary.video_id, summary.title, summary.duration, summary.transcribed) == (
        "Qm4tR8vLx2A", "", 3720, "March 3, 2026",
    )
    assert (summary.level, summary.reading_time, summary.audience) == (
        "Intermediate", "5 min read", "Self-taught programmers moving into machine learning",
    )
    assert summary.summary.startswith("A self-taught engineer lays out the order")
    assert summary.topics == [
        Topic(0, "Why bother with the math",
              "Libraries hide the math until a model misbehaves; knowing what happens underneath is what lets you debug it."),
        Topic(160, "Pictures before proofs",
              "Animated explanations of vectors and derivatives come before any formal text.\n\n"
              "A mental image makes the symbols easier to read later."),
        Topic(3605, "Books and code together", "A textbook chapter is paired with a small program that uses only arrays."),
    ]
    assert summary.clickbait == Clickbait(8, "Legit", "The title promises an ordered plan and the video gives exactly that.")
    assert summary.mentions == []
    assert summary.cards == [
        Card("Why learn the math if libraries already implement the models?",
             "Because when a model misbehaves, the math underneath tells you why.", "medium", 48),
        Card("What should come before a formal textbook?",
             "Animated, visual explanations of the ideas:\n- vectors as arrows\n- derivatives as slopes", "easy", 175),
        Card("How should a textbook chapter be paired with practice?",
             "Write a tiny program for each chapter using only arrays.", "hard", 3662),
    ]
    assert summary.moments == [
        Moment("💡", "The debugging argument", "Math is framed as a debugging tool rather than a gatekeeping exam.", 75),
        Moment("🎬", "Animation beats notation", "A single animation of a matrix squashing space replaces a page of definitions.", 210),
    ]
    assert summary.transcript == [
        Said(0, "Hi, today I want to talk about the order in which to learn the math."),
        Said(48, "Why learn it at all? Because one day your model will misbehave."),
        Said(160, "So my first step would be pictures. That is, short animations before any book."),
        Said(3605, "Finally, pair every chapter with code."),
    ]
    assert summary.missing == []
    assert summary.notices == [
        Notice(1, "'StudyNotes ← Summarise another video' left out (not part of the summary)"),
        Notice(24, "'Mentioned in this Video' is empty"),
    ]


def test_plain_paragraphs_layout_with_glued_lines():
    """No header but `Video <id>`, untimed summary paragraphs, `90% Legit"..."` glued, name/kind
    pairs, reveal on the next line and the question repeated, `🔥 Best Moments` without emoji, a
    moment's time glued to the next title and to `Full Transcript`, `Download .txt[00:00]` glued."""
    summary = parse_summary(sample("plain-paragraphs-glued.txt"))
    assert (summary.video_id, summary.duration, summary.level, summary.audience) == ("Zp9_kW3eYb0", None, "", "")
    assert summary.summary.startswith("A walkthrough of gradient descent")
    assert summary.topics == [
        Topic(None, "", "The derivative is introduced as the slope of a curve at one point."),
        Topic(None, "", "Gradient descent repeats one move: look at the gradient and take a small step against it."),
        Topic(None, "", "Choosing the learning rate is the hard part; too large and the loss bounces."),
        Topic(None, "", "Start small, plot the loss, and let the picture guide you."),
    ]
    assert summary.clickbait == Clickbait(90, "Legit", "Some fear remains, but the title is mostly fair.")
    assert str(summary.clickbait) == '90% Legit: "Some fear remains, but the title is mostly fair."'
    assert summary.mentions == [Mention("NumPy", "tool"), Mention("StatQuest", "channel"), Mention("Deep Learning Book", "book")]
    assert summary.cards == [
        Card("What is the gradient of a function of several variables?",
             "The vector of its partial derivatives, one slope for each input direction.", "medium", 190),
        Card("What goes wrong when the learning rate is too large?",
             "The steps overshoot the minimum and the loss can bounce around or grow.", "hard", 570),
    ]
    assert summary.moments == [
        Moment("", "The loss curve flattens", "Watching the loss shrink step after step makes the idea click.", 340),
        Moment("", "Fog on the hill", "Gradient descent pictured as walking downhill in fog, one step at a time.", 492),
    ]
    assert [said.at for said in summary.transcript] == [0, 15, 340, 492, 570]
    assert summary.transcript[0] == Said(0, "Welcome back. Today we take the fear out of gradient descent.")
    assert summary.notices == [] and summary.missing == []


def test_cards_without_blank_lines_or_times_and_with_blank_lines_everywhere():
    tight = page("Video abcdefghijk", "Study Flashcards (2)", "Q one?", "hard", "A one.", "Q two?",
                 "easy Click to reveal answer", "A two,", "on two lines.", "01:00")
    assert parse_summary(tight).cards == [Card("Q one?", "A one.", "hard", None), Card("Q two?", "A two,\non two lines.", "easy", 60)]
    airy = page("Video abcdefghijk", "", "Study Flashcards (1)", "", "Q?", "", "Medium", "", "Click to reveal answer",
                "", "Q?", "", "The answer.", "", "1:02:03", "")
    assert parse_summary(airy).cards == [Card("Q?", "The answer.", "medium", 3723)]


def test_a_page_with_sections_missing_imports_what_it_has_and_says_which():
    summary = parse_summary(page("Video abcdefghijk", "Full Transcript", "[0:05] Hello.", "[1:00:00] Bye."))
    assert summary.transcript == [Said(5, "Hello."), Said(3600, "Bye.")]
    assert summary.missing == ["AI Summary", "Clickbait Check", "Mentioned in this Video", "Study Flashcards", "Best Moments"]
    assert (summary.summary, summary.topics, summary.cards, summary.clickbait) == ("", [], [], None)


def test_key_value_headers_and_links_are_read_too():
    summary = parse_summary(page("Title: Rank, three ways", "https://www.youtube.com/watch?v=Qm4tR8vLx2A&t=3",
                                 "Duration: 14:05", "Level: Beginner", "AI Summary", "About rank."))
    assert (summary.title, summary.video_id, summary.duration, summary.level) == ("Rank, three ways", "Qm4tR8vLx2A", 845, "Beginner")


@pytest.mark.parametrize(
    ("lines", "notice"),
    [
        (("Study Flashcards (3)", "Q?", "medium", "A.", "00:10"), Notice(2, "the page announces 3 flashcards; 1 were read")),
        (("Study Flashcards (1)", "Q?", "A without level.", "00:10"),
         Notice(4, "the card 'Q?' gives no difficulty; imported as medium")),
        (("Study Flashcards (1)", "Q?", "easy", "Click to reveal answer", "00:10"),
         Notice(3, "the card 'Q?' has no answer on the page; write one")),
        (("Mentioned in this Video", "NumPy", "NumPy is great", "tool"),
         Notice(3, "'NumPy' has no kind on the next line; imported as a tool")),
        (("Mentioned in this Video", "Lex's show", "podcast", "Guido", "person"),
         Notice(6, "kind 'person' of 'Guido' is not one the registry knows; imported as a tool")),
        (("Full Transcript", "[04:75] Oops."), Notice(3, "malformed timestamp '04:75': expected mm:ss or h:mm:ss, e.g. 04:14; kept without a time")),
        (("Best Moments", "💡", "Title only"), Notice(3, "the best moment 'Title only' has no time; kept without one")),
        (("4h 00m video", "Full Transcript", "[5:00:00] Late."),
         Notice(2, "the page gives the video's length as 4:00:00 but has times up to 5:00:00; Duration: 5:00:00 is written")),
    ],
)
def test_odd_parts_are_imported_and_said_at_their_line(lines, notice):
    summary = parse_summary(page("Video abcdefghijk", *lines))
    assert summary.notices == [notice]


def test_odd_parts_are_kept_not_dropped():
    summary = parse_summary(page("Video abcdefghijk", "Mentioned in this Video", "Lex's show", "podcast", "Guido", "person",
                                 "Best Moments", "💡", "Title only"))
    assert summary.mentions == [Mention("Lex's show", "channel"), Mention("Guido", "tool")]
    assert summary.moments == [Moment("💡", "Title only", "", None)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty: save the summary page as text into it"),
        ("\n  \n", "the file is empty: save the summary page as text into it"),
        ("a\x00b", "this is not text (it holds NUL bytes): save the page as plain text"),
        ("Some notes\nabout nothing\n",
         "not a video summary page: no line 'Video <id>', no YouTube link, and none of its sections "
         "('AI Summary', 'Study Flashcards', 'Full Transcript')"),
        ("Vidéo abcdefghijk\nRésumé IA\nTexte.\nTranscription complète\n",
         "not a video summary page: no line 'Video <id>', no YouTube link, and none of its sections "
         "('AI Summary', 'Study Flashcards', 'Full Transcript')"),
        ("Title\nAI Summary\nText.\n",
         "no video id: expected a line 'Video <id>' (11 letters, digits, '-' or '_') or a YouTube link before 'AI Summary'"),
        ("Video short\nAI Summary\nText.\n",
         "no video id: expected a line 'Video <id>' (11 letters, digits, '-' or '_') or a YouTube link before 'AI Summary'"),
        ("Video abcdefghijk\nJust a line.\n",
         "none of a summary page's sections found ('AI Summary', 'Study Flashcards', 'Full Transcript'): save the whole page as text"),
    ],
)
def test_pages_that_cannot_be_imported_say_what_is_missing(text, message):
    with pytest.raises(SummaryError) as caught:
        parse_summary(text)
    assert str(caught.value) == message
