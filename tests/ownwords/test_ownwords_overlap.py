"""The overlap measure on constructed cases: exact copies, paraphrases, short common phrases."""

from studyfolio.ownwords.overlap import find_overlap, split_words, words_of_note, words_of_text

SOURCE = """\
[00:00] Welcome back to the channel.
[00:12] The rank of a matrix is the number of dimensions in the output
of the transformation, and that is really all it is.
[00:40] In the end it is one of the most useful ideas in all of linear algebra.
"""


def check(note: str, source: str = SOURCE):
    return find_overlap(words_of_note(note), [words_of_text(source)])


def test_normalization_folds_case_punctuation_spacing_and_apostrophes():
    assert split_words("The RANK—of a  matrix; isn't «it» x_i 3.5") == [
        "the", "rank", "of", "a", "matrix", "isnt", "it", "x", "i", "3", "5",
    ]
    assert split_words("Ünïcode’s naïve café") == ["ünïcodes", "naïve", "café"]
    assert split_words("rare ※ marks ⟨here⟩") == ["rare", "marks", "here"]


def test_exact_copy_across_lines_with_other_case_and_punctuation():
    note = "Title: T\n\nMy intro sentence here.\n\nTHE RANK of a matrix is: the number of dimensions\nin the output, of the transformation! Then my own ending.\n"
    result = check(note)
    [passage] = result.passages
    assert passage.text == "the rank of a matrix is the number of dimensions in the output of the transformation"
    assert (passage.first_line, passage.last_line) == (5, 6)
    assert (passage.source_first_line, passage.source_last_line) == (2, 3)
    assert result.copied == 16
    assert result.total == 24
    assert result.own_share == 1 - 16 / 24


def test_paraphrase_does_not_count():
    note = "How many directions the output of a matrix fills: that is what rank counts, nothing more.\n"
    result = check(note)
    assert result.passages == ()
    assert result.copied == 0 and result.own_share == 1.0


def test_short_common_phrases_do_not_count():
    # Seven shared words at a time ("one of the most useful ideas in"), never eight.
    note = "Gradient descent, surely one of the most useful ideas in optimisation, and maybe one of the most useful ideas in practice.\n"
    result = check(note)
    assert result.passages == ()
    assert result.copied == 0


def test_exactly_eight_words_count():
    result = check("Honestly, one of the most useful ideas in all of it.\n")
    [passage] = result.passages
    assert passage.text == "one of the most useful ideas in all of"
    assert passage.size == 9  # "one ... in all of": nine words in a row are shared


def test_two_passages_stay_apart_and_the_first_source_wins():
    other = "the number of dimensions in the output of the transformation is the rank\n"
    note = "the rank of a matrix is the number of dimensions here\n\nmine mine mine mine\n\none of the most useful ideas in all of linear algebra\n"
    result = find_overlap(words_of_note(note), [words_of_text(SOURCE), words_of_text(other)])
    assert [(p.first_line, p.source, p.source_first_line, p.size) for p in result.passages] == [
        (1, 0, 2, 10), (5, 0, 4, 11),
    ]


def test_markup_code_math_urls_and_metadata_are_not_words():
    note = (
        "Title: The rank of a matrix is the number of dimensions\nDate: 2026-01-01\n\n"
        "```\nthe rank of a matrix is the number of dimensions in the output\n```\n\n"
        "See [the video](https://example.org/the/rank/of/a/matrix/is/the/number) and $x^2$ `code`.\n"
        "/// card | What is rank?\n    level: easy\n    at: \"00:12\"\nDimensions.\n///\n"
    )
    words = words_of_note(note)
    assert words.words == ["see", "the", "video", "and", "what", "is", "rank", "dimensions"]
    assert words.lines == [8, 8, 8, 8, 9, 9, 9, 12]
    assert check(note).copied == 0


def test_empty_note():
    result = check("Title: Only metadata\n")
    assert (result.total, result.copied, result.own_share) == (0, 0, 1.0)
