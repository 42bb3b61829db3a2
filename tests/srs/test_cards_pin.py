"""`studyfolio cards pin`: explicit ids written into card blocks, with a dry run and a backup."""

from __future__ import annotations

from types import SimpleNamespace

from studyfolio.srs.pin import pin_lines, run_pin


def fake_id(slug: str, question: str) -> str:
    return f"{slug}-{len(question):08x}"


def pin(text: str, path: str = "content/notes/variance.md") -> tuple[str, list]:
    lines, pins = pin_lines(path, text.splitlines(keepends=True), fake_id)
    return "".join(lines), [(p.line, p.question, p.card_id) for p in pins]


def test_id_goes_after_the_options_of_a_block_without_one():
    source = (
        "Title: Variance\n"
        "\n"
        "/// card | What does variance measure?\n"
        "    level: easy\n"
        '    at: "04:14"\n'
        "How spread out values are.\n"
        "///\n"
        "\n"
        "/// card | Why square?\n"
        "So they do not cancel.\n"
        "///\n"
    )
    text, pins = pin(source)
    assert text == (
        "Title: Variance\n"
        "\n"
        "/// card | What does variance measure?\n"
        "    level: easy\n"
        '    at: "04:14"\n'
        "    id: variance-0000001b\n"
        "How spread out values are.\n"
        "///\n"
        "\n"
        "/// card | Why square?\n"
        "    id: variance-0000000b\n"
        "So they do not cancel.\n"
        "///\n"
    )
    assert pins == [(3, "What does variance measure?", "variance-0000001b"), (9, "Why square?", "variance-0000000b")]


def test_blocks_with_an_id_and_code_examples_are_left_alone():
    source = (
        "/// card | Pinned already\n"
        "    id: chain-rule\n"
        "    level: hard\n"
        "Answer.\n"
        "///\n"
        "\n"
        "```markdown\n"
        "/// card | An example in a code block\n"
        "Answer.\n"
        "///\n"
        "```\n"
        "\n"
        "~~~~\n"
        "/// card | Another example\n"
        "~~~~\n"
    )
    assert pin(source) == (source, [])


def test_line_ends_indentation_and_slug_metadata_are_kept():
    source = "Title: X\r\nSlug: my-own-slug\r\n\r\n- item\r\n\r\n    /// card | Indented?\r\n        level: medium\r\n    Yes.\r\n    ///\r\n"
    text, pins = pin(source, "content/notes/file-name.md")
    assert text == source.replace("        level: medium\r\n", "        level: medium\r\n        id: my-own-slug-00000009\r\n")
    assert pins == [(6, "Indented?", "my-own-slug-00000009")]


def write_notes(root):
    notes = root / "content" / "notes"
    notes.mkdir(parents=True)
    (notes / "variance.md").write_text("Title: V\n\n/// card | What does variance measure?\n    level: easy\nSpread.\n///\n")
    (notes / "bayes.md").write_text("Title: B\n\n/// card | Prior?\n    id: prior\nBelief.\n///\n")
    return notes


def args(root, dry_run=False):
    return SimpleNamespace(content=str(root / "content"), note=None, dry_run=dry_run)


def test_dry_run_prints_a_diff_and_writes_nothing(tmp_path, capsys):
    notes = write_notes(tmp_path)
    before = (notes / "variance.md").read_text()
    assert run_pin(args(tmp_path, dry_run=True), fake_id) == 0
    assert capsys.readouterr().out == (
        "--- a/content/notes/variance.md\n"
        "+++ b/content/notes/variance.md\n"
        "@@ -2,5 +2,6 @@\n"
        " \n"
        " /// card | What does variance measure?\n"
        "     level: easy\n"
        "+    id: variance-0000001b\n"
        " Spread.\n"
        " ///\n"
        "Would pin 1 card id(s) in 1 note(s); run without --dry-run to write them.\n"
    )
    assert (notes / "variance.md").read_text() == before
    assert not (tmp_path / ".backup").exists()


def test_a_real_run_backs_up_then_writes_and_a_second_run_has_nothing_to_do(tmp_path, capsys):
    notes = write_notes(tmp_path)
    before = (notes / "variance.md").read_text()
    assert run_pin(args(tmp_path), fake_id) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "content/notes/variance.md:3: id: variance-0000001b"
    assert out[1].startswith("Pinned 1 card id(s) in 1 note(s); the files as they were are in .backup/cards-pin-")
    backups = list((tmp_path / ".backup").glob("cards-pin-*/content/notes/variance.md"))
    assert [b.read_text() for b in backups] == [before]
    assert (notes / "variance.md").read_text() == before.replace("    level: easy\n", "    level: easy\n    id: variance-0000001b\n")
    assert not list(notes.glob("*.pin-tmp"))
    assert run_pin(args(tmp_path), fake_id) == 0
    assert capsys.readouterr().out == "Every card block already has an id: nothing to pin.\n"


def test_missing_notes_folder(tmp_path, capsys):
    assert run_pin(args(tmp_path), fake_id) == 1
    assert capsys.readouterr().err == f"studyfolio: no notes folder in {tmp_path / 'content'}/ (give the content folder with --content)\n"
