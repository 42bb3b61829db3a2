"""resources.yml as a schema: every problem reported at once, with its line and a hint."""

from pathlib import Path

import pytest

from studyfolio.resources.registry import KINDS, load_registry, parse_registry

GOOD = """\
- id: isl
  title: An Introduction to Statistical Learning
  kind: book
  url: https://www.statlearning.com/
  authors: [Gareth James, Daniela Witten]
  free: true
  tags: [statistics, regression]
  notes: The regression book.
- id: numpy
  title: NumPy
  kind: tool
  url: https://numpy.org/
"""


def formatted(registry):
    return [d.format() for d in sorted(registry.diagnostics)]


def test_a_good_registry_keeps_file_order_lines_and_fields():
    registry = parse_registry(GOOD)
    assert registry.diagnostics == []
    assert registry.ids() == ["isl", "numpy"]
    isl = registry.get("isl")
    assert (isl.title, isl.kind, isl.url, isl.line) == (
        "An Introduction to Statistical Learning", "book", "https://www.statlearning.com/", 1)
    assert isl.authors == ("Gareth James", "Daniela Witten")
    assert (isl.free, isl.tags, isl.notes) == (True, ("statistics", "regression"), "The regression book.")
    numpy = registry.get("numpy")
    assert (numpy.line, numpy.free, numpy.authors, numpy.anchor) == (9, None, (), "res-numpy")
    assert registry.get("nope") is None


def test_every_schema_problem_is_reported_at_once_with_lines_and_hints():
    text = GOOD + """\
- id: isl
  title: Duplicate
  kind: book
  url: https://example.org/
- id: bad-one
  title: Bad
  kind: podcast
  url: www.example.org/page
  autors: [Someone]
  free: maybe
- title: No id here
  kind: vidoe
- id: Not_Kebab
  title: x
  kind: tool
  url: https://example.org/
"""
    assert formatted(parse_registry(text)) == [
        "content/resources.yml:13: duplicate id 'isl' (first defined on line 1)\n"
        "    hint: give each resource its own id",
        "content/resources.yml:19: unknown kind 'podcast' for resource 'bad-one'\n"
        "    hint: use one of book, course, video, channel, article, tool, service, paper",
        "content/resources.yml:20: url of resource 'bad-one': malformed url 'www.example.org/page': expected an http(s) address\n"
        "    hint: did you mean 'https://www.example.org/page'?",
        "content/resources.yml:21: unknown key 'autors' in resource 'bad-one'\n"
        "    hint: did you mean 'authors'?",
        "content/resources.yml:22: free of resource 'bad-one': expected true or false, got 'maybe'\n"
        "    hint: write free: true or free: false",
        "content/resources.yml:23: the resource on line 23 has no id\n"
        "    hint: add id: a-short-name (used in [text](res:id))",
        "content/resources.yml:24: unknown kind 'vidoe' for the resource on line 23\n"
        "    hint: did you mean 'video'?",
        "content/resources.yml:25: malformed id 'Not_Kebab': expected lowercase words joined by '-', e.g. isl-book\n"
        "    hint: ids are kebab-case: lowercase letters, digits and '-'",
    ]


def test_missing_kind_is_named_and_a_missing_url_is_no_problem():
    registry = parse_registry("- id: x\n  title: X\n")
    assert formatted(registry) == [
        "content/resources.yml:1: resource 'x' has no kind\n"
        "    hint: add kind: one of book, course, video, channel, article, tool, service, paper",
    ]
    assert registry.ids() == ["x"], "an entry with problems still resolves while it is fixed"
    assert parse_registry("- id: print-book\n  title: A book on my shelf\n  kind: book\n").diagnostics == []


def test_invalid_yaml_and_wrong_shape():
    assert formatted(parse_registry("- id: [a\n")) == [
        "content/resources.yml:2: invalid YAML: did not find expected ',' or ']'\n"
        "    hint: check the indentation and that every list item starts with '- '"
    ]
    assert formatted(parse_registry("id: a\n")) == [
        "content/resources.yml:1: resources.yml must be a list of resources\n"
        "    hint: start each resource with '- id: ...'"
    ]
    assert parse_registry("").diagnostics == []


def test_load_registry_reports_against_the_content_folder(tmp_path: Path):
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "resources.yml").write_text("- id: a\n  title: A\n  kind: paper\n  url: ftp://x\n")
    registry = load_registry(str(folder / "resources.yml"))
    assert formatted(registry) == [
        "content/resources.yml:4: url of resource 'a': malformed url 'ftp://x': expected an http(s) address\n"
        "    hint: write the full address, e.g. https://example.org/page"
    ]
    missing = load_registry(str(folder / "none.yml"))
    assert (missing.found, missing.resources, missing.diagnostics) == (False, [], [])
    assert missing.unknown_hint("a") == "there is no content/none.yml: add the resource there first"


def test_groups_follow_the_kind_order_and_sort_by_title():
    registry = parse_registry(GOOD + "- id: ab\n  title: a book\n  kind: book\n  url: https://a.org/\n")
    assert [(kind, [r.id for r in members]) for kind, members in registry.by_kind()] == [
        ("book", ["ab", "isl"]), ("tool", ["numpy"])]
    assert KINDS == ("book", "course", "video", "channel", "article", "tool", "service", "paper")


@pytest.mark.parametrize("url, message, hint", [
    ("javascript:window.__pwned=1",
     "url 'javascript:window.__pwned=1' is a javascript: address, not a web page: it would run code"
     " or hide content behind the link", "write the full address, e.g. https://example.org/page"),
    ("JavaScript:alert(1)",
     "url 'JavaScript:alert(1)' is a javascript: address, not a web page: it would run code"
     " or hide content behind the link", "write the full address, e.g. https://example.org/page"),
    ("data:text/html,hi",
     "url 'data:text/html,hi' is a data: address, not a web page: it would run code"
     " or hide content behind the link", "write the full address, e.g. https://example.org/page"),
    ("vbscript:msgbox",
     "url 'vbscript:msgbox' is a vbscript: address, not a web page: it would run code"
     " or hide content behind the link", "write the full address, e.g. https://example.org/page"),
    ("mailto:me@example.org", "malformed url 'mailto:me@example.org': expected an http(s) address",
     "write the full address, e.g. https://example.org/page"),
    ("www.example.com", "malformed url 'www.example.com': expected an http(s) address",
     "did you mean 'https://www.example.com'?"),
    ('https://example.org/"><svg onload=x>',
     "malformed url 'https://example.org/\"><svg onload=x>': spaces, quotes, '<', '>', '`' and '\\'"
     " must be percent-encoded", "write the full address, e.g. https://example.org/page"),
])
def test_urls_that_are_no_web_address_are_errors_at_their_line_and_never_links(url, message, hint):
    text = "- id: ok\n  title: OK\n  kind: book\n- id: bad\n  title: Bad\n  kind: tool\n  url: '" + url.replace("'", "''") + "'\n"
    registry = parse_registry(text)
    assert formatted(registry) == [f"content/resources.yml:7: url of resource 'bad': {message}\n    hint: {hint}"]
    assert registry.get("bad").url == ""
