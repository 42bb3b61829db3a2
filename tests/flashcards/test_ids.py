"""Card ids: stable under case, spacing and punctuation; explicit ids checked."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyfolio.flashcards.ids import (
    anki_guid,
    check_explicit_id,
    cloze_answers,
    derived_id,
    normalize_question,
    normalize_unicode,
)


def test_derived_id_is_note_slug_and_eight_hex_digits_of_sha1():
    # sha1("what is variance") = 6f5b...: computed independently of the implementation.
    import hashlib

    expected = hashlib.sha1(b"what is variance").hexdigest()[:8]
    assert derived_id("variance", "What is variance?") == f"variance-{expected}"


@pytest.mark.parametrize(
    "variant",
    ["What is variance?", "what is variance", "  What   is\nvariance ?? ", "WHAT IS VARIANCE!",
     "What is «variance»?", "What, is: variance."],
)
def test_case_spacing_and_punctuation_do_not_change_the_id(variant):
    assert derived_id("n", variant) == derived_id("n", "What is variance?")


def test_different_words_or_notes_give_different_ids():
    assert derived_id("n", "What is variance?") != derived_id("n", "What is the variance?")
    assert derived_id("a", "Q") != derived_id("b", "Q")


def test_normalize_folds_unicode_and_keeps_letters_and_digits():
    assert normalize_question("  Ünïcode ＡＢＣ  x² = 4 ") == "ünïcode abc x2 4"


@given(st.text(alphabet=st.characters(categories=["Lu", "Ll", "Nd", "Zs", "Po"]), max_size=40))
def test_normalizing_twice_changes_nothing(text):
    once = normalize_question(text)
    assert normalize_question(once) == once


@given(st.lists(st.sampled_from(["gradient", "descent", "step", "rate", "x2"]), min_size=1, max_size=6))
def test_spacing_case_and_trailing_punctuation_never_matter(words):
    plain = " ".join(words)
    noisy = "  " + "\t".join(w.upper() for w in words) + " ?!"
    assert derived_id("n", noisy) == derived_id("n", plain)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_the_ascii_fast_path_follows_the_unicode_rules(text):
    assert normalize_question(text) == normalize_unicode(text)


def test_cloze_markup_counts_as_its_answer():
    assert cloze_answers("The {{c1::mean}} is the {{c2::average::a word}}.") == "The mean is the average."


@pytest.mark.parametrize("value", ["chain-rule", "gd_update.v2", "A1"])
def test_explicit_ids_that_are_words_are_kept(value):
    assert check_explicit_id(f" {value} ") == value


@pytest.mark.parametrize("value", ["two words", "-leading-dash", "ünï", "a/b", ""])
def test_explicit_ids_with_other_characters_are_refused(value):
    with pytest.raises(ValueError) as caught:
        check_explicit_id(value)
    assert str(caught.value) == (
        f"card id '{value.strip()}' may hold only letters, digits, '-', '_' and '.', "
        "starting with a letter or digit"
    )


def test_anki_guid_is_stable_and_distinct():
    assert anki_guid("chain-rule") == anki_guid("chain-rule")
    assert anki_guid("chain-rule") != anki_guid("chain-rule-r")
    assert anki_guid("x").startswith("sf") and len(anki_guid("x")) == 18
