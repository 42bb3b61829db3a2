"""Notes shaped to make the converters take quadratic time or recurse without end are stopped
at a limit with a clear problem, before Markdown runs; a formula nested too deeply costs only
that formula. Real notes stay far below every limit (the demo notes are read in the site
tests)."""

from __future__ import annotations

import pytest

from studyfolio.core.unpublished import NotPublished

HEAD = "Title: Limits\nDate: 2026-01-01\n"


def read(reader, name: str, text: str):
    note_reader, notes = reader
    path = notes / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return note_reader.read(str(path))


def refusal(reader, name: str, text: str) -> str:
    with pytest.raises(NotPublished) as caught:
        read(reader, name, text)
    return caught.value.diagnostic.format()


CASES = {
    "huge": (HEAD + "\n" + "Words in a paragraph.\n\n" * 60_000,
             "content/notes/huge.md:1: not published: the note is 1.4 MB, more than a note may "
             "hold (1 MB)\n    hint: split the note into several notes, or move data files to static/"),
    "cards": (HEAD + "\n" + "/// card | Q?\nA.\n///\n\n" * 1_001,
              "content/notes/cards.md:4004: not published: 1001 blocks (///, fenced code and inline cards) in "
              "one note, more than the 1000 a note may hold\n    hint: split the note into several notes"),
    "inline-cards": (HEAD + "Cards: inline\n\n" + "".join(f"Q{i}::A{i}\n\n" for i in range(1_200)),
                     "content/notes/inline-cards.md:2005: not published: 1001 blocks (///, fenced "
                     "code and inline cards) in one note, more than the 1000 a note may hold\n"
                     "    hint: split the note into several notes"),
    "unclosed-blocks": (HEAD + "\n" + "/// card | q\n" * 5_000,
                        "content/notes/unclosed-blocks.md:1004: not published: 1001 blocks (///, fenced code "
                        "and inline cards) in one note, more than the 1000 a note may hold\n"
                        "    hint: split the note into several notes"),
    "fences": (HEAD + "\n" + "```\ncode\n" * 5_000,
               "content/notes/fences.md:4004: not published: 1001 blocks (///, fenced code and inline "
               "cards) in one note, more than the 1000 a note may hold\n    hint: split the note into several notes"),
    "brackets": (HEAD + "\n" + "[" * 20_000 + "\n",
                 "content/notes/brackets.md:4: not published: more than 500 unmatched '[' in one "
                 "paragraph\n    hint: close them, or write \\[ for a literal '['"),
    "parens": (HEAD + "\n" + "[a](" * 5_000 + "\n",
               "content/notes/parens.md:4: not published: more than 500 unmatched '(' in one "
               "paragraph\n    hint: close them, or write \\( for a literal '('"),
    "autolinks": (HEAD + "\n" + "<http://a" * 5_000 + "\n",
                  "content/notes/autolinks.md:4: not published: more than 500 unmatched '<' in "
                  "one paragraph\n    hint: close them, or write \\< for a literal '<'"),
    "nested-list": (HEAD + "\n" + "".join("  " * i + "- item\n" for i in range(100)),
                    "content/notes/nested-list.md:85: not published: a line indented 162 columns, "
                    "more than the 160 a note may nest\n    hint: flatten the deepest lists or blocks"),
    "nested-quotes": (HEAD + "\n" + "".join("> " * i + "q\n" for i in range(1, 300)),
                      "content/notes/nested-quotes.md:44: not published: quotes nested 41 deep, "
                      "more than the 40 a note may nest\n    hint: flatten the deepest quotes"),
}


@pytest.mark.parametrize("name", CASES)
def test_a_note_past_a_limit_is_refused_at_its_line(reader, name):
    text, expected = CASES[name]
    assert refusal(reader, name, text) == expected


def test_brackets_in_separate_paragraphs_are_counted_apart(reader):
    text = HEAD + "\n" + ("[" * 400 + "\n\n") * 10
    read(reader, "brackets-apart", text)  # no refusal


def test_notes_just_under_the_limits_are_read(reader):
    text = (HEAD + "Cards: inline\n\n" + "".join(f"Q{i}::A{i}\n\n" for i in range(500))
            + "/// card | Q?\nA.\n///\n\n" * 500 + "".join("  " * i + "- item\n" for i in range(40)))
    content, metadata = read(reader, "under", text)
    assert content.count('class="card') >= 1000
    assert [d.message for d in metadata["diagnostics"]] == []


def test_a_formula_nested_too_deeply_costs_only_that_formula(reader):
    text = (HEAD + "\nBefore $x^2$.\n\n$$\n" + "{" * 3_000 + "x" + "}" * 3_000 + "\n$$\n\n"
            "$$\n" + "\\sqrt" * 2_000 + " x\n$$\n\nAfter.\n")
    content, metadata = read(reader, "deep-math", text)
    assert "After." in content and "<math" in content
    assert [d.message.split(":")[-1].strip() for d in metadata["diagnostics"]] == [
        "braces nested more than 100 deep", "the formula is nested too deeply to convert"]


def test_many_unclosed_display_formulas_are_each_reported_and_the_text_kept(reader):
    content, metadata = read(reader, "unclosed-math", HEAD + "\n" + "$$ x\n\n" * 2_000)
    assert len(metadata["diagnostics"]) == 2_000
    assert metadata["diagnostics"][0].message == "display math opened with $$ is never closed"
    assert content.count("$$ x") == 2_000
