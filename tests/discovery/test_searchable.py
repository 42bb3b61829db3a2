"""Pagefind is pointed at the parts of the site that hold searchable pages only."""

from __future__ import annotations

from studyfolio.discovery.searchable import searchable_glob

MARKED = '<html><body><header>site</header><article data-pagefind-body>text</article></body></html>'
PLAIN = "<html><body><main>deck</main></body></html>"


def write(site, relative, text):
    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_marked_folders_and_top_level_files_make_the_glob(tmp_path):
    write(tmp_path, "notes/a/index.html", MARKED)
    write(tmp_path, "notes/b/index.html", PLAIN)
    write(tmp_path, "cards/notes/a/index.html", PLAIN)
    write(tmp_path, "about/index.html", MARKED)
    write(tmp_path, "roadmaps/ml/deep/index.html", MARKED)
    write(tmp_path, "welcome.html", MARKED)
    write(tmp_path, "index.html", PLAIN)
    write(tmp_path, "pagefind/ui.html", MARKED)
    assert searchable_glob(str(tmp_path), skip=("pagefind",)) == (
        "{about/**/*.html,notes/**/*.html,roadmaps/**/*.html,welcome.html}"
    )


def test_one_part_is_the_glob_itself(tmp_path):
    write(tmp_path, "notes/a/index.html", MARKED)
    write(tmp_path, "tags/x/index.html", PLAIN)
    assert searchable_glob(str(tmp_path)) == "notes/**/*.html"


def test_a_marker_past_the_page_head_is_not_seen_so_the_whole_site_is_read(tmp_path):
    write(tmp_path, "notes/a/index.html", "<html>" + " " * 40_000 + MARKED)
    assert searchable_glob(str(tmp_path)) is None


def test_a_site_without_marked_pages_or_with_glob_characters_is_read_whole(tmp_path):
    write(tmp_path, "notes/a/index.html", PLAIN)
    assert searchable_glob(str(tmp_path)) is None
    write(tmp_path, "odd{name}/index.html", MARKED)
    assert searchable_glob(str(tmp_path)) is None
