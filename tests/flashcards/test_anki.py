"""The Anki export, imported into a real Anki collection (the `anki` package's CSV import)."""

import csv
import io

import pytest
from anki.collection import Collection, ImportCsvRequest

from studyfolio.flashcards.ids import anki_guid, derived_id

LEARNING_RATE = anki_guid(derived_id("gradient-descent", "What does the **learning rate** control?"))
DECKS = {
    "Studyfolio::Gradient descent, step by step",
    "Studyfolio::Card mistakes",
    "Studyfolio::Vectors & the dot product",
}


@pytest.fixture
def collection(tmp_path):
    col = Collection(str(tmp_path / "collection.anki2"))
    yield col
    col.close()


def import_file(col: Collection, path) -> object:
    metadata = col.get_csv_metadata(path=str(path), delimiter=None)
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log


def notes(col: Collection) -> dict:
    """guid -> (note type, deck of its first card, tags, fields)."""
    found = {}
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        deck = col.decks.name(note.cards()[0].did)
        found[note.guid] = (note.note_type()["name"], deck, sorted(note.tags), list(note.fields))
    return found


def test_the_file_reads_as_tab_separated_rows_of_six_columns(cards_build):
    text = cards_build.text("cards/anki.txt")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    rows = list(csv.reader(io.StringIO(body), delimiter="\t"))
    assert len(rows) == 16
    assert {len(row) for row in rows} == {6}
    assert {row[1] for row in rows} == {"Basic", "Basic (and reversed card)", "Cloze"}
    assert {row[2] for row in rows} == DECKS
    assert len({row[0] for row in rows}) == 16


def test_importing_gives_one_note_per_card_as_written(cards_build, collection):
    log = import_file(collection, cards_build.output / "cards" / "anki.txt")
    assert len(log.new) == 16
    assert (collection.note_count(), collection.card_count()) == (16, 20)  # 20 cards in cards.json
    found = notes(collection)
    kinds = sorted(kind for kind, *_ in found.values())
    assert kinds.count("Basic") == 11 and kinds.count("Cloze") == 3
    assert kinds.count("Basic (and reversed card)") == 2
    assert {deck for _, deck, _, _ in found.values()} == DECKS

    kind, deck, tags, fields = found[LEARNING_RATE]
    assert (kind, deck) == ("Basic", "Studyfolio::Gradient descent, step by step")
    assert tags == ["calculus", "hyperparameters", "level::easy", "optimisation"]
    assert fields[0] == "What does the <strong>learning rate</strong> control?"
    assert fields[1].startswith("<p>How big each step downhill is.")
    assert '<a href="https://www.youtube.com/watch?v=IHZwWFHWa-w&amp;t=185">watch in the video</a>' in fields[1]

    cloze = [f for k, _, _, f in found.values() if k == "Cloze" and "uphill" in f[0]]
    assert cloze[0][0] == "<p>We go {{c1::against}} the gradient because it points {{c2::uphill::which way?}}.</p>"
    math = [f for k, _, _, f in found.values() if k == "Basic" and "update rule" in f[0]]
    assert "<math" in math[0][0] and "\n" in math[0][1]  # a multi-line answer survives the import


def test_importing_twice_adds_nothing(cards_build, collection):
    path = cards_build.output / "cards" / "anki.txt"
    import_file(collection, path)
    before = notes(collection)
    log = import_file(collection, path)
    assert len(log.new) == 0
    assert (collection.note_count(), collection.card_count()) == (16, 20)
    assert notes(collection) == before


def test_an_edited_card_updates_its_note_instead_of_adding_one(cards_build, collection, tmp_path):
    path = cards_build.output / "cards" / "anki.txt"
    import_file(collection, path)
    edited = tmp_path / "anki.txt"
    edited.write_text(path.read_text().replace("too small and it takes forever", "too small and it crawls"))
    log = import_file(collection, edited)
    assert (len(log.new), len(log.updated)) == (0, 1)
    assert collection.note_count() == 16
    fields = notes(collection)[LEARNING_RATE][3]
    assert "too small and it crawls" in fields[1]
