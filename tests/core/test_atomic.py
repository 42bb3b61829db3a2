"""Files replaced whole, as the dev server's builds write pages and the theme's bundles."""

import os

import pytest

from studyfolio.core.atomic import ReplaceOnClose, write_if_changed


def test_a_file_being_written_keeps_its_old_text_until_closed(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("old page")
    with ReplaceOnClose(str(page)) as handle:
        handle.write("new ")
        handle.flush()
        assert page.read_text() == "old page"  # what a reader gets meanwhile
        handle.write("page")
    assert page.read_text() == "new page"
    assert os.listdir(tmp_path) == ["index.html"]


def test_a_write_that_fails_leaves_the_old_file_and_no_part(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("old page")
    with pytest.raises(RuntimeError), ReplaceOnClose(str(page)) as handle:
        handle.write("half")
        raise RuntimeError("template error")
    assert page.read_text() == "old page"
    assert os.listdir(tmp_path) == ["index.html"]


def test_write_if_changed_leaves_an_equal_file_alone(tmp_path):
    path = tmp_path / "css" / "studyfolio.css"
    assert write_if_changed(str(path), "a { }")  # the folder is made
    before = path.stat().st_mtime_ns
    assert not write_if_changed(str(path), "a { }")
    assert path.stat().st_mtime_ns == before
    assert write_if_changed(str(path), "b { }")
    assert path.read_text() == "b { }"


def test_bytes_are_written_whole_too(tmp_path):
    path = tmp_path / "preview.png"
    path.write_bytes(b"old")
    with ReplaceOnClose(str(path), encoding=None) as handle:
        handle.write(b"\x89PNG\r\n")
        assert path.read_bytes() == b"old"
    assert path.read_bytes() == b"\x89PNG\r\n"
    with pytest.raises(RuntimeError), ReplaceOnClose(str(path), encoding=None) as handle:
        handle.write(b"half")
        raise RuntimeError("the drawing failed")
    assert path.read_bytes() == b"\x89PNG\r\n" and os.listdir(tmp_path) == ["preview.png"]
