"""`studyfolio cards pin`: each card's current id written into its block, so edits keep history."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sitebuild import build_site, settings_text
from studyfolio.cli import main
from studyfolio.srs.pin import find_blocks, pin_note

pytest.importorskip("studyfolio.flashcards.ids", reason="pin uses the flashcards plugin's id rules")

NOTE = """Title: Variance, in my own words
Date: 2026-09-14 09:30
Category: Statistics

Variance is the average squared distance from the mean.

/// card | What does variance measure?
    level: easy
How spread out the values are.
///

/// card | Already pinned?
    id: pinned-by-hand
Yes.
///

/// card | The mean of squared distances from the mean is the {{c1::variance}}.
///

/// card | Fill in the blank
Its square root is the {{c1::standard deviation}}, in the data's {{c2::own units}}.
///

```markdown
/// card | An example in a code block, not a card
Nothing.
///
```
"""

def build(root: Path):
    settings = root / "pinconf.py"
    settings.write_text(settings_text(root / "content"))
    done = build_site(settings, root / "output", cwd=root)
    assert done.returncode == 0, done.log
    return json.loads((root / "output" / "cards.json").read_text())["cards"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("pin")
    (root / "content" / "notes").mkdir(parents=True)
    (root / "content" / "notes" / "variance.md").write_text(NOTE)
    return root, [card["id"] for card in build(root)]


def pin(root: Path, *extra: str) -> int:
    return main(["cards", "pin", "--content", str(root / "content"), "--site", str(root / "output"), *extra])


def test_dry_run_shows_the_ids_the_build_gave_and_writes_nothing(site, capsys):
    root, ids = site
    assert ids[1] == "pinned-by-hand"
    assert pin(root, "--dry-run") == 0
    out = capsys.readouterr().out
    added = [line[1:].strip() for line in out.splitlines() if line.startswith("+    id:")]
    cloze_base = ids[2].removesuffix("-c1")
    fill_base = ids[3].removesuffix("-c1")
    assert ids[3:5] == [f"{fill_base}-c1", f"{fill_base}-c2"]
    assert added == [f"id: {ids[0]}", f"id: {cloze_base}", f"id: {fill_base}"]
    assert out.endswith("Would pin 3 card id(s) in 1 note(s); run without --dry-run to write them.\n")
    assert (root / "content" / "notes" / "variance.md").read_text() == NOTE


def test_pinned_cards_keep_their_ids_when_the_questions_change(site, capsys, tmp_path):
    built, ids = site
    root = tmp_path / "site"
    shutil.copytree(built, root)
    assert pin(root) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [
        f"content/notes/variance.md:7: id: {ids[0]}",
        "content/notes/variance.md:17: id: " + ids[2].removesuffix("-c1"),
        "content/notes/variance.md:20: id: " + ids[3].removesuffix("-c1"),
    ]
    assert out[3].startswith("Pinned 3 card id(s) in 1 note(s); the files as they were are in .backup/cards-pin-")
    assert [p.read_text() for p in root.glob(".backup/cards-pin-*/content/notes/variance.md")] == [NOTE]
    note = root / "content" / "notes" / "variance.md"
    text = note.read_text()
    assert f"/// card | What does variance measure?\n    level: easy\n    id: {ids[0]}\nHow spread" in text
    assert "An example in a code block, not a card\nNothing." in text
    assert pin(root) == 0
    assert capsys.readouterr().out == "Every card block already has an id: nothing to pin.\n"

    note.write_text(text.replace("What does variance measure?", "What does the variance of data measure, really?")
                    .replace("is the {{c1::variance}}", "is called the {{c1::variance}}"))
    assert [card["id"] for card in build(root)] == ids


def test_an_id_the_last_build_does_not_know_is_never_written(site, capsys, tmp_path):
    built, ids = site
    root = tmp_path / "site"
    shutil.copytree(built, root)
    note = root / "content" / "notes" / "variance.md"
    note.write_text(NOTE.replace("What does variance measure?", "A question edited after the build?"))
    assert pin(root) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("content/notes/variance.md:7: not pinned: the last build has no card 'variance-")
    assert captured.err.endswith("'; rebuild (make html) and pin again\n")
    assert "A question edited after the build?\n    level: easy\nHow spread" in note.read_text()


def test_pin_needs_a_build(tmp_path, capsys):
    (tmp_path / "content" / "notes").mkdir(parents=True)
    assert pin(tmp_path) == 1
    assert "cards.json not found: this command reads the cards of the last build" in capsys.readouterr().err


def test_blocks_line_ends_and_indentation():
    text = "Title: X\r\nSlug: my-own-slug\r\n\r\n- An item\r\n\r\n    /// card | Indented?\r\n        level: medium\r\n    Yes.\r\n    ///\r\n"
    lines = text.splitlines(keepends=True)
    [block] = find_blocks(lines)
    assert (block.line, block.question, block.options, block.insert_at, block.body) == (6, "Indented?", {"level"}, 7, ["    Yes."])
    new, pins, unconfirmed = pin_note("content/notes/x.md", lines, {"my-own-slug-1"}, lambda slug, b: f"{slug}-1")
    assert "".join(new) == text.replace("        level: medium\r\n", "        level: medium\r\n        id: my-own-slug-1\r\n")
    assert [(p.line, p.card_id) for p in pins] == [(6, "my-own-slug-1")] and unconfirmed == []


def test_a_card_shown_as_indented_code_is_left_alone():
    text = (
        "Title: X\n\nThe syntax, as code:\n\n    /// card | What is variance?\n    The spread.\n    ///\n\n"
        "    /// card | Still code?\n    ///\n\n/// card | What is variance?\nThe spread.\n///\n"
    )
    lines = text.splitlines(keepends=True)
    assert [(block.line, block.question) for block in find_blocks(lines)] == [(12, "What is variance?")]
    new, pins, _ = pin_note("content/notes/x.md", lines, {"x-1"}, lambda slug, b: "x-1")
    assert "".join(new) == text.replace("\n/// card | What is variance?\n", "\n/// card | What is variance?\n    id: x-1\n")
    assert [p.line for p in pins] == [12]


def test_a_note_that_is_not_utf8_is_reported_and_the_others_are_pinned(site, capsys, tmp_path):
    root = tmp_path / "copy"
    shutil.copytree(site[0], root)
    latin = root / "content" / "notes" / "latin.md"
    latin.write_bytes("Title: Caf\u00e9\nDate: 2026-09-14\n\nCaf\u00e9 au lait.\n".encode("latin-1"))
    before = latin.read_bytes()
    assert pin(root) == 1
    captured = capsys.readouterr()
    assert "content/notes/latin.md:1: not pinned: the byte at offset 10 (0xe9) is not UTF-8; save the note as UTF-8 and pin again" in captured.err
    assert "Traceback" not in captured.err
    assert "Pinned 3 card id(s) in 1 note(s)" in captured.out
    assert latin.read_bytes() == before
