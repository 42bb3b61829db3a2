"""Each entry of the one door to Pelican's internals, on the installed Pelican: a release that
renames what they reach fails here, not in a build."""

from __future__ import annotations

import logging

from pelican.cache import FileDataCacher
from pelican.contents import Article
from pelican.log import LimitFilter
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import SafeDatetime
from pelican.writers import Writer

from studyfolio.core import pelican_api


def article(html: str = "<p>Body</p>") -> Article:
    settings = {**DEFAULT_CONFIG, "SLUGIFY_SOURCE": "title"}
    return Article(html, metadata={"title": "T", "date": SafeDatetime(2026, 1, 1), "summary": "<p>S</p>"},
                   settings=settings, context={"localsiteurl": "", "generated_content": {},
                                               "static_content": {}})


def test_reader_html_and_replace_html_drop_what_pelican_memoized():
    note = article()
    assert note.content == "<p>Body</p>" and pelican_api.reader_html(note) == "<p>Body</p>"
    pelican_api.replace_html(note, "<p>New</p>", summary="<p>New summary</p>")
    assert note.content == "<p>New</p>"
    assert note.summary == "<p>New summary</p>" and note.metadata["summary"] == "<p>New summary</p>"
    pelican_api.prepend_html(note, "<aside>Badge</aside>")
    assert note.content == "<aside>Badge</aside><p>New</p>"


def test_forget_memoized_clears_content_memos_and_log_limits():
    note = article()
    assert note.content
    LimitFilter._raised_messages.add(("WARNING", "seen"))
    pelican_api.forget_memoized()
    assert not Article.get_content.cache
    assert ("WARNING", "seen") not in LimitFilter._raised_messages


def test_formatted_metadata_is_pelicans_reading_of_markdown_metadata():
    from markdown import Markdown
    from pelican.readers import MarkdownReader

    reader = MarkdownReader({**DEFAULT_CONFIG})
    md = Markdown(extensions=["meta"])
    md.convert("Title: x\n\nBody")
    found = pelican_api.formatted_metadata(reader, md, "note.md",
                                           {"summary": ["A *short* one"], "tags": ["a, b"]})
    assert found["summary"] == "<p>A <em>short</em> one</p>"
    assert [tag.name for tag in found["tags"]] == ["a", "b"]


def test_reader_cache_entries(tmp_path):
    settings = {**DEFAULT_CONFIG, "CACHE_PATH": str(tmp_path), "CACHE_CONTENT": True,
                "LOAD_CONTENT_CACHE": False}
    readers = FileDataCacher(settings, "readers", caching_policy=True, load_policy=False)
    assert pelican_api.reader_cache_path(readers) == str(tmp_path / "readers")
    kept = {"note.md": "cached"}
    pelican_api.use_reader_cache(readers, kept)
    assert pelican_api.reader_cache(readers) is kept
    assert readers.get_cached_data("note.md") == "cached"
    off = FileDataCacher(settings, "readers", caching_policy=False, load_policy=False)
    assert pelican_api.reader_cache_path(off) is None


def test_whole_page_writer_opens_new_files_whole_and_hears_of_every_file(tmp_path):
    opened, heard = [], []

    class Recording(pelican_api.WholePageWriter):
        def opening(self, filename):
            heard.append(filename)

        def open_whole(self, filename, encoding):
            opened.append(filename)
            return open(filename, "w", encoding=encoding)

    writer = Recording(str(tmp_path), settings={**DEFAULT_CONFIG})
    target = str(tmp_path / "page.html")
    with writer._open_w(target, "utf-8") as handle:
        handle.write("x")
    assert (opened, heard) == ([target], [target])
    logging.getLogger("pelican.writers").disabled = True
    try:
        with writer._open_w(target, "utf-8", override=True) as handle:  # Pelican's own path
            handle.write("y")
    finally:
        logging.getLogger("pelican.writers").disabled = False
    assert opened == [target] and heard == [target, target]


def test_chosen_writer_pelican_builds_with_the_writer_pelican_would_use(tmp_path):
    chosen = []

    class Choosing(pelican_api.ChosenWriterPelican):
        def make_writer(self, base):
            chosen.append(base)
            return base(self.output_path, settings=self.settings)

    settings = {**DEFAULT_CONFIG, "PATH": str(tmp_path), "OUTPUT_PATH": str(tmp_path / "out"),
                "PLUGINS": []}
    Choosing(settings)._get_writer()
    assert chosen == [Writer]
