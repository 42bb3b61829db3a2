"""Vault mode's reading of one note: front matter, comments, tags, dates and URLs."""

from __future__ import annotations

import os
import subprocess

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify as pelican_slugify

from studyfolio.core.sourcemap import SourceMap
from studyfolio.core.vault import (
    GitDates,
    blank_comments,
    hashtags,
    in_vault,
    metadata_values,
    read_front_matter,
    vault_slug,
)


def test_front_matter_lists_and_obsidian_keys():
    text = "---\ntitle: Bayes\ntags:\n  - probability\n  - '#bayes'\naliases: [Bayes rule]\ncssclasses: wide\ncreated: 2026-05-01\n---\nBody\n"
    matter = read_front_matter(SourceMap(text))
    assert (matter.first, matter.last, matter.problem) == (1, 9, "")
    assert metadata_values(matter) == {"title": ["Bayes"], "tags": ["probability, bayes"],
                                       "aliases": ["Bayes rule"], "date": ["2026-05-01"]}
    assert matter.lines["tags"] == [3] and matter.lines["date"] == [8]
    assert matter.blank(text).split("\n") == [""] * 9 + ["Body", ""]


def test_front_matter_that_is_not_yaml_names_its_line():
    matter = read_front_matter(SourceMap("---\ntitle: x\ntags: [a, b\n---\nBody\n"))
    assert (matter.problem_line, matter.values) == (3, {})  # the line of the open [
    assert matter.problem.startswith("expected ','")


def test_no_front_matter_without_a_closing_line():
    assert read_front_matter(SourceMap("---\ntitle: x\nBody\n")).first == 0


def test_comments_are_removed_outside_code_keeping_lines():
    text = "Keep %%drop%% this.\n`%%code%%` and\n%%\ntwo\n%%\n```\n%%fenced%%\n```\n"
    assert blank_comments(SourceMap(text)) == "Keep  this.\n`%%code%%` and\n\n\n\n```\n%%fenced%%\n```\n"


def test_hashtags_outside_code_math_and_headings():
    text = "# Heading\n\n#one and #nested/two, not a#b, &#39; or `#code` or $#x$.\n\n```\n#fenced\n```\n#2026 #y2026\n"
    assert hashtags(SourceMap(text)) == ["one", "nested/two", "y2026"]


def slugify(text: str) -> str:
    return pelican_slugify(text, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def test_urls_follow_the_path_under_the_vault():
    settings = {"PATH": "/site/content", "ARTICLE_PATHS": ["notes"], "STUDYFOLIO_OBSIDIAN": True}
    assert vault_slug("/site/content/notes/Linear algebra/Eigen values.md", settings, slugify) == "linear-algebra-eigen-values"
    assert vault_slug("/site/content/notes/Top.md", settings, slugify) == "top"
    some = {**settings, "STUDYFOLIO_OBSIDIAN": ["notes/vault"]}
    assert in_vault("/site/content/notes/vault/a.md", some) and not in_vault("/site/content/notes/b.md", some)
    assert vault_slug("/site/content/notes/vault/Sub/a.md", some, slugify) == "sub-a"
    assert not in_vault("/site/content/notes/a.md", {**settings, "STUDYFOLIO_OBSIDIAN": False})


def test_dates_of_first_commits(tmp_path):
    def git(*args, when="2026-01-02T03:04:05+00:00"):
        env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True, env=env)

    git("init", "-q")
    git("config", "user.email", "learner@example.test")
    git("config", "user.name", "Learner")
    (tmp_path / "a b.md").write_text("one\n")
    git("add", ".")
    git("commit", "-qm", "first")
    (tmp_path / "a b.md").write_text("two\n")
    (tmp_path / "later.md").write_text("x\n")
    git("add", ".")
    git("commit", "-qm", "second", when="2026-03-04T05:06:07+00:00")
    dates = GitDates()
    assert dates.first_commit(str(tmp_path / "a b.md")).isoformat() == "2026-01-02T03:04:05+00:00"
    assert dates.first_commit(str(tmp_path / "later.md")).isoformat() == "2026-03-04T05:06:07+00:00"
    assert dates.first_commit(str(tmp_path / "new.md")) is None
