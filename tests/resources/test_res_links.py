"""`[text](res:id)` in Markdown: a typed link to the resource's entry, or a reported error."""

import markdown
from lxml import html as lxml_html

from studyfolio.core.source import NoteSource
from studyfolio.resources.links import RegistrySource
from studyfolio.resources.registry import parse_registry

EXT = "studyfolio.resources.links"
REGISTRY = parse_registry("""\
- id: isl
  title: An Introduction to "Statistical" Learning
  kind: book
  url: https://www.statlearning.com/
- id: numpy
  title: NumPy
  kind: tool
  url: https://numpy.org/
""")


def render(source: str, registry=REGISTRY, siteurl: str = "https://site.example"):
    md = markdown.Markdown(
        extensions=["extra", EXT],
        extension_configs={EXT: {"registry": registry, "siteurl": siteurl}},
        output_format="html5",
    )
    note = NoteSource(path="content/notes/t.md", text=source)
    md.studyfolio_note = note
    return md.convert(source), [d.format() for d in sorted(note.diagnostics)]


def test_res_link_renders_typed_with_title_on_hover():
    html, problems = render("Read [the ISL book](res:isl) first.")
    assert problems == []
    assert html == (
        '<p>Read <a class="res-link res-book" data-res="isl" href="https://site.example/resources/#res-isl"'
        ' title="An Introduction to &quot;Statistical&quot; Learning">the ISL book<span class="res-kind">book</span></a>'
        " first.</p>"
    )


def test_reference_links_and_the_learners_title_are_handled():
    html, problems = render('[NumPy][np] and [again](res:numpy "mine").\n\n[np]: res:numpy\n')
    assert problems == []
    links = lxml_html.fragment_fromstring(html, create_parent="div").findall(".//a")
    assert [(a.get("href"), a.get("title"), a.text_content()) for a in links] == [
        ("https://site.example/resources/#res-numpy", "NumPy", "NumPytool"),
        ("https://site.example/resources/#res-numpy", "NumPy", "againtool"),
    ]


def test_unknown_id_is_reported_at_its_line_with_did_you_mean():
    source = "Title: x\n\nFine [a](res:isl).\n\nTypo [b](res:nump) and [c](res:nump).\n\n[d](res:zzz)\n"
    html, problems = render(source)
    assert problems == [
        "content/notes/t.md:5: unknown resource 'res:nump'\n    hint: did you mean 'numpy'?",
        "content/notes/t.md:7: unknown resource 'res:zzz'\n"
        "    hint: add it to content/resources.yml or fix the id",
    ]
    tree = lxml_html.fragment_fromstring(html, create_parent="div")
    unknown = tree.find_class("res-unknown")
    assert [(a.text_content(), a.get("data-res"), a.get("title")) for a in unknown] == [
        ("b", "nump", None), ("c", "nump", None), ("d", "zzz", None)]


def test_without_a_registry_file_the_hint_says_so(tmp_path):
    source = RegistrySource(str(tmp_path / "content" / "resources.yml"))
    _, problems = render("[a](res:isl)", registry=source)
    assert problems == [
        "content/notes/t.md:1: unknown resource 'res:isl'\n"
        "    hint: there is no content/resources.yml: add the resource there first"
    ]


def test_registry_source_reads_the_file_again_when_it_changes(tmp_path):
    path = tmp_path / "content" / "resources.yml"
    path.parent.mkdir()
    path.write_text("- {id: a, title: First, kind: book, url: 'https://a.org/'}\n")
    source = RegistrySource(str(path))
    assert source.current().get("a").title == "First"
    assert source.current() is source.current()
    path.write_text("- {id: a, title: Second title, kind: book, url: 'https://a.org/'}\n")
    assert source.current().get("a").title == "Second title"


def test_other_links_and_code_are_untouched():
    html, problems = render("[web](https://example.org) and `[x](res:isl)`")
    assert problems == []
    assert html == '<p><a href="https://example.org">web</a> and <code>[x](res:isl)</code></p>'


def test_an_unreadable_registry_is_reported_once_not_at_every_link():
    broken = parse_registry("- id: isl\n  title: [unclosed\n")
    assert [d.format() for d in broken.diagnostics] == [
        "content/resources.yml:3: invalid YAML: did not find expected ',' or ']'\n"
        "    hint: check the indentation and that every list item starts with '- '"
    ]
    html, problems = render("[a](res:isl) and [b](res:numpy)", registry=broken)
    assert problems == []
    tree = lxml_html.fragment_fromstring(html, create_parent="div")
    assert [a.get("data-res") for a in tree.find_class("res-unknown")] == ["isl", "numpy"]
