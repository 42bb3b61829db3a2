"""One bad note never stops the build or vanishes without a reason: each problem is reported at
its line, and every note that can be read is published."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitebuild import build_site, report_lines, settings_text
from studyfolio.core.decode import NotText, decode_note

GOOD = "Title: A good note\nDate: 2026-01-01\n\nSome text.\n"

NOTES: dict[str, bytes] = {
    "good.md": GOOD.encode(),
    "negative-year.md": b"Title: Negative year\nDate: -0001-01-01\n\nText.\n",
    "far-future.md": b"Title: Far future\nDate: 9999-12-31\n\nText.\n",
    "two-titles.md": b"Title: First\nTitle: Second\nDate: 2026-01-02\n\nText.\n",
    "nul-title.md": b"Title: Nul \x00 here\nDate: 2026-01-03\n\nText.\n",
    "template-path.md": b"Title: Template path\nDate: 2026-01-04\nTemplate: ../../etc/passwd\n\nText.\n",
    "date-typo.md": b"Title: Date typo\nDate: 2026-13-45\n\nText.\n",
    "latin-1.md": "Title: Caf\u00e9 notes\nDate: 2026-01-05\n\nThe caf\u00e9 is open.\n".encode("latin-1"),
    "no-title.md": b"Date: 2026-01-07\n\nNo title here.\n",
    "no-date.md": b"Title: No date\n\nText.\n",
    "two-tag-lines.md": b"Title: Tags twice\nDate: 2026-01-08\nTags: alpha\nTags: beta\n\nText.\n",
    "empty.md": b"",
    "sub/good.md": b"Title: Same file name\nDate: 2026-01-09\n\nText.\n",
}


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory) -> tuple:
    root = tmp_path_factory.mktemp("bad-notes")
    notes = root / "content" / "notes"
    for name, data in NOTES.items():
        (notes / name).parent.mkdir(parents=True, exist_ok=True)
        (notes / name).write_bytes(data)
    (notes / "binary.md").write_bytes(bytes(range(256)) * 16)
    when = 1_767_225_600  # 2026-01-01 00:00 UTC: the file date that stands in for a bad Date:
    for path in notes.rglob("*.md"):
        os.utime(path, (when, when))
    (notes / "sub" / "up").symlink_to("..")  # a loop: Pelican would read every note 40 times
    settings = root / "settings.py"
    settings.write_text(settings_text(root / "content") + 'TIMEZONE = "UTC"\n')
    return root, build_site(settings, root / "output")


def test_the_build_ends_well_and_every_problem_is_one_line(bad_site):
    _, build = bad_site
    assert build.returncode == 0, build.log
    assert "Traceback" not in build.log
    assert "Could not process" not in build.log
    assert "There are 2" not in build.log  # Pelican's multi-line same-slug warnings
    assert report_lines(build.log) == [
        "content/notes/binary.md:1: not published: not a text file (the byte at offset 0 is 0x00)",
        "content/notes/date-typo.md:2: Date: '2026-13-45' is not a valid date; the file's date 2026-01-01 is used",
        "content/notes/empty.md:1: not published: the note is empty",
        "content/notes/far-future.md:2: Date: '9999-12-31' is out of range (a note is dated from 1900 to 2099); the file's date 2026-01-01 is used",
        "content/notes/latin-1.md:1: the byte at offset 10 (0xe9) is not UTF-8, nor is 1 more; shown as \ufffd",
        "content/notes/negative-year.md:2: Date: '-0001-01-01' is out of range (a note is dated from 1900 to 2099); the file's date 2026-01-01 is used",
        "content/notes/no-date.md:1: the note has no Date: line; the file's date 2026-01-01 is used",
        "content/notes/no-title.md:1: the note has no Title: line; its file name gives the title 'No title'",
        "content/notes/nul-title.md:1: a NUL byte at offset 11; shown as \ufffd",
        "content/notes/sub/good.md:1: not published: its page notes/good/index.html is already the page of content/notes/good.md",
        "content/notes/sub/up:1: this link leads to content/notes, a folder that is already read; it is not followed",
        "content/notes/template-path.md:3: Template: '../../etc/passwd' is not a template of the theme; the usual one is used",
        "content/notes/two-titles.md:2: Title: is given 2 times; the first is used",
    ]


def test_every_readable_note_is_published(bad_site):
    root, build = bad_site
    published = sorted(p.parent.name for p in (root / "output" / "notes").glob("*/index.html"))
    assert published == sorted([
        "date-typo", "far-future", "good", "latin-1", "negative-year", "no-date", "no-title",
        "nul-title", "template-path", "two-tag-lines", "two-titles"])
    assert build.page("notes/good/index.html").findtext(".//h1").strip() == "A good note"
    assert build.page("notes/two-titles/index.html").findtext(".//h1").strip() == "First"
    assert build.page("notes/no-title/index.html").findtext(".//h1").strip() == "No title"
    assert build.page("notes/nul-title/index.html").findtext(".//h1").strip() == "Nul \ufffd here"
    assert "caf\ufffd is open" in build.text("notes/latin-1/index.html")


def test_repeated_list_keys_add_up(bad_site):
    _, build = bad_site
    tags = build.page("notes/two-tag-lines/index.html").xpath('//a[contains(@href, "/tags/")]/text()')
    assert {"alpha", "beta"} <= {t.strip().lstrip("#") for t in tags}


def test_the_loop_is_not_walked(bad_site):
    root, _ = bad_site
    assert not (root / "output" / "notes" / "up").exists()
    assert len(list((root / "output" / "notes").glob("*/index.html"))) == 11


def test_strict_build_fails_in_one_line_without_traceback(bad_site, tmp_path):
    root, _ = bad_site
    build = build_site(root / "settings.py", tmp_path / "out", extra={"STUDYFOLIO_STRICT": True})
    assert build.returncode == 1
    assert "Traceback" not in build.log
    assert build.log.rstrip().splitlines()[-1] == (
        "strict mode: 11 error(s) and 2 warning(s) in the sources; "
        "fix them or build without STUDYFOLIO_STRICT")


@pytest.mark.parametrize("data, text", [
    (b"\xef\xbb\xbfTitle: x\r\nDate: 2026-01-01\r\n", "Title: x\nDate: 2026-01-01\n"),
    (b"a\rb", "a\nb"),
    ("Le caf\u00e9 est tr\u00e8s bon. ".encode("latin-1") * 1000, None),
])
def test_text_decodes_with_lines_as_newlines(data, text):
    decoded = decode_note(data)
    if text is not None:
        assert decoded.text == text and decoded.problems == []
    else:
        assert decoded.problems[0][1] == (
            "the byte at offset 6 (0xe9) is not UTF-8, nor are 1999 more; shown as \ufffd")


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 4,
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
    os.urandom(4096),
])
def test_binary_files_are_not_text(data):
    with pytest.raises(NotText):
        decode_note(data)


def test_a_file_binary_by_its_control_bytes_alone_is_not_text():
    # Found by test_fuzz_notes.py: with no NUL and no byte that is not UTF-8, finding the
    # first odd byte raised ValueError (min() of nothing) instead of NotText.
    with pytest.raises(NotText) as caught:
        decode_note(b"Title: x\n" + b"\x01" * 100)
    assert str(caught.value) == "not a text file (the byte at offset 9 is 0x01)"


def test_decoding_a_large_note_with_many_bad_bytes_is_linear():
    data = "caf\u00e9 ".encode("latin-1") * 1_000_000  # 5 MB, a million bad bytes
    assert decode_note(data).problems[0][0] == 1


def test_a_note_that_holds_a_loop_of_two_links_ends(tmp_path):
    notes = tmp_path / "content" / "notes"
    (notes / "a").mkdir(parents=True)
    (notes / "b").mkdir()
    (notes / "a" / "note.md").write_text(GOOD)
    (notes / "a" / "to-b").symlink_to("../b")
    (notes / "b" / "to-a").symlink_to("../a")
    (notes / "b" / "up").symlink_to("..")
    settings = tmp_path / "settings.py"
    settings.write_text(settings_text(tmp_path / "content"))
    build = build_site(settings, tmp_path / "output", timeout=60)
    assert build.returncode == 0, build.log
    assert report_lines(build.log) == [
        "content/notes/a/to-b:1: this link leads to content/notes/b, a folder that is already read; it is not followed",
        "content/notes/b/to-a:1: this link leads to content/notes/a, a folder that is already read; it is not followed",
        "content/notes/b/up:1: this link leads to content/notes, a folder that is already read; it is not followed",
    ]


def test_a_folder_linked_from_outside_content_is_read(tmp_path):
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "kept-elsewhere.md").write_text(GOOD.replace("A good note", "Kept elsewhere"))
    notes = tmp_path / "site" / "content" / "notes"
    notes.mkdir(parents=True)
    (notes / "vault").symlink_to(vault)
    settings = tmp_path / "site" / "settings.py"
    settings.write_text(settings_text(tmp_path / "site" / "content"))
    build = build_site(settings, tmp_path / "site" / "output")
    assert build.returncode == 0, build.log
    assert report_lines(build.log) == []
    assert Path(tmp_path / "site" / "output" / "notes" / "kept-elsewhere" / "index.html").is_file()
