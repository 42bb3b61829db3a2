"""Every build ends, on any input: notes made from pieces of the syntax learners write (metadata,
cards, inline cards, cloze, math, code, lists, quotes, links, HTML) and from bytes no editor
writes (NUL, invalid UTF-8, control characters, very long lines) are either read or refused
with a problem at a line of the file, never a traceback, and each is read in seconds.

The examples are drawn in a fixed order (derandomize) and kept nowhere, so a failure here is
a failure on every machine; Hypothesis shrinks it to a short note that shows the bug."""

from __future__ import annotations

import os
import random
import re
import time
from collections.abc import Callable, Sequence

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from sitebuild import build_site, report_lines, settings_text
from studyfolio.core.diagnostics import Diagnostic
from studyfolio.core.unpublished import NotPublished

EXAMPLES = 200
# No explain phase: tracing every line while shrinking a note with long lines takes minutes.
FUZZ = settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
                phases=[Phase.explicit, Phase.generate, Phase.shrink],
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SECONDS_PER_NOTE = 2.0

# The vocabulary. `{x}` in a piece is filled from FILLERS[x] (a filler may hold more `{x}`).
WORDS = ["gradient", "x", "Bayes", "the mean", "é", "日本", "\u202e", "\ufeff", "a" * 300, ""]
FILLERS: dict[str, list[str]] = {
    "w": WORDS,
    "date": ["2026-01-01", "2026-01-01 09:30", "2026-13-45", "-0001-01-01", "9999-12-31", "0",
             "yesterday", "2026-02-30 25:61", "1e400", "2026-01-01T00:00:00+99:00", "",
             "99999999999999999999", "2026-01-01 09:30 Europe/Nowhere", "{w}"],
    "level": ["Beginner", "intermediate", "Advanced", "expert", "", "{w}"],
    "cardlevel": ["easy", "medium", "hard", "Hard", "impossible", '""', "[a, b]", "{w}"],
    "at": ['"01:02"', '"1:02:03"', "01:02", '"99:99"', '"-1:00"', "'", '"{w}"', "{w}"],
    "id": ["chain-rule", "x", "Chain Rule", "../..", "", "{w}", "-"],
    "q": ["{w}", "{inline}", "{w} {inline} {w}", "What is {w}?"],
    "inline": ["$x^2$", "$\\frac{a}{b}$", "$", "$$", "`code`", "``a`b``", "`", "**{w}**", "*",
               "_{w}_", "[[{w}]]", "[[{w}|{w}]]", "[[", "[{w}](x)", "[{w}](", "](", "<{w}>",
               "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "-->", "<!--",
               "&amp;", "&#0;", "{{c1::{w}}}", "{{c2::{w}::hint}}", "{{c1::", "}}", "::", ":::",
               "\\", "\\(", "\\[", "|", "#", "^[1]", "\x07", "\x1b[31m", "\x0b", "\x0c",
               "\u2028", "{w}"],
    "math": ["x^2", "\\frac{a}{b}", "\\begin{align} a &= b \\\\ c &= d \\end{align}",
             "\\begin{align}", "\\end{align}", "{{{x}}}", "\\sqrt", "\\left(", "}", "{",
             "\\unknowncommand", "a_{b_{c_{d}}}", "\\text{{w}}", "{w}"],
    "lang": ["python", "", "math", "card", "{w}", "```"],
}
HEADERS = [
    "Title: {q}", "Title: {w}", "Title:", "title: {w}", "Date: {date}", "Modified: {date}",
    "Tags: {w}, {w}", "Tags:", "Tags: ,,", "Level: {level}", "Cards: inline", "Cards: {w}",
    "Category: {w}", "Summary: {q}", "Template: {w}", "Template: article",
    "Template: ../../etc/passwd", "Audience: {w}", "Topics: {w}, {w}",
    "Video: https://www.youtube.com/watch?v=Kq7bRt2xWmE", "Video: {w}", "    {w}", "{w}",
    "Nokey {w}", ":", "Title: {w}\nTitle: {w}",
]
BLOCKS = [
    "{q}", "{w} {inline} {w} {inline}", "# {q}", "## {w} {#id}", "{q}::{q}", "{q}:::{q}",
    "{q}::", "::{q}", "{q}\n?\n{q}", "{q}\n??\n{q}", "?", "{w} {{c1::{w}}} and {{c2::{w}}}",
    "/// card | {q}\n{q}\n///", "/// card | {q}\n    id: {id}\n    level: {cardlevel}\n"
    "    at: {at}\n\n{q}\n///", "/// card | {q}\n    {w}: {w}\n{q}\n///",
    "/// card | {q}\n    tags: [{w}\n{q}\n///", "/// card | {q}\n{q}", "/// card",
    "/// card |", "///", "/// card | {q}\n/// card | {q}\n{q}\n///\n///",
    "/// details | {q}\n{q}\n///", "/// nosuchblock | {q}\n///",
    "$${math}$$", "$$\n{math}\n$$", "$$\n{math}", "$$ {math}", "\\begin{align}\n{math}\n\\end{align}",
    "\\begin{align}\n{math}", "$${math}$$ {inline}",
    "```{lang}\n{q}\n```", "```{lang}\n{q}", "~~~\n{q}\n~~~", "    {q}", "\t{q}",
    "- {q}\n    - {q}\n        - {q}", "1. {q}\n2) {q}\n   - {q}", "* {q}\n\n    {q}",
    "> {q}\n> > {q}\n>", "> /// card | {q}\n> {q}\n> ///", "- /// card | {q}\n  {q}\n  ///",
    "| a | b |\n|---|---|\n| {q} | {q} |", "| a |\n|--", "<div>\n{q}\n</div>", "<div markdown=\"1\">\n{q}",
    "<script>\n{q}\n</script>", "<!--\n{q}", "-->", "[^1]: {q}", "*[{w}]: {q}", "{w}\n===",
    "{w}\n---", "---", "...", "***", "[x]: <", "<http://{w}",
]
LONG = ["a", "a ", "*", "_", "`", "$", "[", "]", "(", "<", "[a](", "{{c1::", "::", "\\", "> ",
        "  ", "\t", "| ", "&", "-", "é", "\x01", "{w} "]
ODD_BYTES = [b"\x00", b"\xff", b"\xc3", b"\xe9", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80",
             b"\r", b"\r\n", b"\x1b", b"\x07", b"\x7f", b"\xef\xbb\xbf", b"\n", b"\n\n"]
ENDINGS = ["\n", "\r\n", "\r"]


def compose(choose: Callable[[Sequence], object], number: Callable[[int, int], int],
            text: Callable[[], str]) -> bytes:
    """One note, from three ways to pick: an item of a list, a whole number in a range, a
    short random text. Hypothesis and random.Random each supply them (see below)."""

    def fill(piece: str, depth: int = 0) -> str:
        out, start = [], 0
        while (open_ := piece.find("{", start)) != -1:
            close = piece.find("}", open_)
            name = piece[open_ + 1:close]
            if close == -1 or name not in FILLERS:
                out.append(piece[start:open_ + 1])
                start = open_ + 1
                continue
            out.append(piece[start:open_])
            value = choose(FILLERS[name]) if depth < 3 else ""
            if name == "w" and choose([False, False, False, True]):
                value = text()
            out.append(fill(value, depth + 1))
            start = close + 1
        out.append(piece[start:])
        return "".join(out)

    lines: list[str] = []
    front = choose(["", "", "---", "--- yaml"])
    if front:
        lines.append(front)
    lines += [fill(choose(HEADERS)) for _ in range(number(0, 5))]
    if front and choose([True, True, False]):
        lines.append(choose(["---", "..."]))
    for _ in range(number(0, 8)):
        if choose([True, False]):
            lines.append("")
        block = fill(choose(BLOCKS))
        prefix = choose(["", "", "", "> ", "    ", "- ", "  ", "> - "])
        if prefix:
            block = "\n".join(prefix + line for line in block.split("\n"))
        lines.append(block)
        if choose([False, False, False, True]):
            lines.append(fill(choose(LONG)) * number(50, 5_000))
    note = choose(ENDINGS).join(lines) + choose(["", "\n", "\n\n"])
    data = note.encode("utf-8", "surrogatepass")
    for _ in range(number(0, 3)):
        at = number(0, len(data))
        data = data[:at] + choose(ODD_BYTES) + data[at:]
    return data


@st.composite
def notes(draw) -> bytes:
    return compose(lambda items: draw(st.sampled_from(items)),
                   lambda low, high: draw(st.integers(low, high)),
                   lambda: draw(st.text(max_size=12)))


def random_note(rng: random.Random) -> bytes:
    """A note drawn from the same vocabulary by a seeded generator (for the one full build)."""
    letters = "abc xyz [](){}<>$`*_\\:|#!?\n\té日\u202e\x00\x1b"
    return compose(rng.choice, rng.randint,
                   lambda: "".join(rng.choice(letters) for _ in range(rng.randint(0, 12))))


def line_count(data: bytes) -> int:
    """The file's lines, counting every line ending the reader counts (\\n, \\r\\n, \\r)."""
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1


def check_diagnostic(diagnostic: Diagnostic, name: str, data: bytes) -> None:
    assert isinstance(diagnostic, Diagnostic)
    assert diagnostic.path == f"content/notes/{name}"
    assert 1 <= diagnostic.line <= line_count(data) + 1, diagnostic
    assert diagnostic.message.strip(), diagnostic


def read_bytes(reader, name: str, data: bytes):
    """(html, metadata) or the NotPublished raised; any other exception fails the test."""
    note_reader, folder = reader
    path = folder / name
    path.write_bytes(data)
    try:
        return note_reader.read(str(path))
    except NotPublished as refused:
        return refused


@FUZZ
@given(data=notes())
def test_any_note_is_read_or_refused_with_a_problem_at_one_of_its_lines(reader, data):
    result = read_bytes(reader, "fuzzed.md", data)
    if isinstance(result, NotPublished):
        check_diagnostic(result.diagnostic, "fuzzed.md", data)
        assert result.diagnostic.message.startswith("not published: ")
        return
    content, metadata = result
    assert isinstance(content, str)
    assert str(metadata["title"]).strip()
    assert "date" in metadata
    for diagnostic in metadata["diagnostics"]:
        check_diagnostic(diagnostic, "fuzzed.md", data)


@FUZZ
@given(data=notes())
def test_any_note_is_read_in_seconds(reader, data):
    # Catches a quadratic blow-up or a hang on some shape of note, not a benchmark: a real
    # note is read in milliseconds, and 2 s leaves room for a busy machine.
    started = time.perf_counter()
    read_bytes(reader, "timed.md", data)
    assert time.perf_counter() - started < SECONDS_PER_NOTE


BUILD_NAMES = ["alder", "birch", "cedar", "dogwood", "elm", "fir", "ginkgo", "hazel", "ivy",
               "juniper", "kapok", "larch", "maple", "nutmeg", "oak", "pine", "quince", "rowan",
               "spruce", "teak"]


@pytest.fixture(scope="module")
def fuzzed_site(reader, tmp_path_factory):
    """Twenty fuzzed notes, a binary file, an empty file and a folder link that loops, built
    once as `make html` does; and what the reader alone made of each note."""
    root = tmp_path_factory.mktemp("fuzzed-site")
    folder = root / "content" / "notes"
    folder.mkdir(parents=True)
    rng = random.Random(0)
    expected: dict[str, object] = {}
    for name in BUILD_NAMES:
        data = random_note(rng)
        (folder / f"{name}.md").write_bytes(data)
        expected[name] = read_bytes(reader, f"{name}.md", data)
    (folder / "binary.md").write_bytes(bytes(range(256)) * 16)
    (folder / "empty.md").write_bytes(b"")
    (folder / "loop").symlink_to(".")
    when = 1_767_225_600  # 2026-01-01: the file date that stands in for a bad Date:
    for path in folder.glob("*.md"):
        os.utime(path, (when, when))
    settings = root / "settings.py"
    settings.write_text(settings_text(root / "content"))
    return root, expected, build_site(settings, root / "output", timeout=180)


def test_a_build_of_fuzzed_notes_ends_well(fuzzed_site):
    root, expected, build = fuzzed_site
    assert build.returncode == 0, build.log
    assert "Traceback" not in build.log, build.log
    assert "Could not process" not in build.log, build.log
    reported = report_lines(build.log)
    assert "content/notes/binary.md:1: not published: not a text file (the byte at offset 0 is 0x00)" in reported
    assert "content/notes/empty.md:1: not published: the note is empty" in reported
    assert any(line.startswith("content/notes/loop:1: this link leads to content/notes") for line in reported)
    for path, line in re.findall(r"(?m)^(\S+):(-?\d+): (?:error|warning): ", build.log):
        assert int(line) >= 1, f"{path}:{line}"  # every problem, notes' and pages', at a line
    published = {path.parent.name for path in (root / "output" / "notes").glob("*/index.html")}
    for name, result in expected.items():
        if isinstance(result, NotPublished):
            assert result.diagnostic.format().split("\n")[0] in reported, name
            assert name not in published, name
        else:
            assert name in published, name
    assert published <= set(BUILD_NAMES)


def test_the_fuzzed_build_holds_both_kinds_of_note(fuzzed_site):
    """The seed gives notes of both kinds, so the build test checks both (a change to the
    vocabulary that made every note unreadable would make it check nothing)."""
    _, expected, _ = fuzzed_site
    refused = sum(isinstance(result, NotPublished) for result in expected.values())
    assert 0 < refused < len(expected), expected

