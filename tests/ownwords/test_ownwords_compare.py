"""`//// compare`: explanations side by side, each tied to a resource and a style, then a synthesis."""

from ownwords_render import tree

RANK = """\
//// compare | The rank of a matrix
/// explanation | res:essence-of-linear-algebra
    style: visual
How many dimensions survive the transformation.
///
/// explanation | res:mml-imperial
    style: simple
The rows that carry *new* information.
///
/// explanation | mml-book
    style: formal
The number of linearly independent columns.
///
All three count the same thing.

The picture came first for me.
////
"""


def test_three_explanations_and_a_synthesis(render):
    html, problems = render(RANK)
    assert problems == []
    [section] = tree(html).cssselect("section.compare")
    assert section.cssselect(".compare-concept")[0].text_content() == "Compared The rank of a matrix"
    views = section.cssselect(".compare-views > article.compare-view")
    assert section.cssselect(".compare-views")[0].get("data-count") == "3"
    assert [(v.get("data-resource"), v.get("data-style")) for v in views] == [
        ("essence-of-linear-algebra", "visual"), ("mml-imperial", "simple"), ("mml-book", "formal"),
    ]
    heads = [v.cssselect("header.compare-view-head")[0] for v in views]
    assert [h.cssselect(".compare-style")[0].text for h in heads] == ["Visual", "Simple", "Formal"]
    links = [h.cssselect("a.res-link")[0] for h in heads]
    assert [a.text for a in links] == [
        "Essence of Linear Algebra", "Mathematics for Machine Learning (course)", "Mathematics for Machine Learning",
    ]
    assert [a.get("href") for a in links] == [
        "/resources/#res-essence-of-linear-algebra", "/resources/#res-mml-imperial", "/resources/#res-mml-book",
    ]
    assert [a.cssselect(".res-kind")[0].text for a in links] == ["video", "course", "book"]
    assert [(a.get("data-res"), a.get("class")) for a in links] == [
        ("essence-of-linear-algebra", "res-link res-video"), ("mml-imperial", "res-link res-course"),
        ("mml-book", "res-link res-book"),
    ]
    bodies = [v.cssselect(".compare-view-body")[0].text_content().strip() for v in views]
    assert bodies == [
        "How many dimensions survive the transformation.",
        "The rows that carry new information.",
        "The number of linearly independent columns.",
    ]
    [synthesis] = section.cssselect(".compare-synthesis")
    assert [p.text_content() for p in synthesis.findall("p")] == [
        "My synthesis", "All three count the same thing.", "The picture came first for me.",
    ]
    # The synthesis comes after the explanations, in source order.
    assert [c.get("class") for c in section] == ["compare-concept", "compare-views", "compare-synthesis"]


def test_unknown_resource_gets_did_you_mean_and_stays_visible(render):
    source = RANK.replace("res:mml-imperial", "res:mml-imperal")
    html, problems = render(source)
    assert problems == [
        "content/notes/t.md:6: unknown resource 'res:mml-imperal' in explanation block\n"
        "    hint: did you mean 'mml-imperial'?"
    ]
    missing = tree(html).cssselect(".compare-resource-missing")
    assert [m.text for m in missing] == ["res:mml-imperal"]


def test_not_a_resource_id(render):
    _, problems = render(RANK.replace("res:mml-imperial", "the Imperial course"))
    assert problems == [
        "content/notes/t.md:6: explanation block names 'the Imperial course', which is not a resource id\n"
        "    hint: name a resource of content/resources.yml as `res:resource-id`"
    ]


def test_one_explanation_and_no_synthesis(render):
    source = "//// compare | Rank\n/// explanation | res:mml-book\n    style: formal\nColumns.\n///\n////\n"
    _, problems = render(source)
    assert problems == [
        "content/notes/t.md:1: compare block 'Rank' has no synthesis of your own\n"
        "    hint: after the explanations, write what they have in common and how they differ",
        "content/notes/t.md:1: compare block 'Rank' needs two or more explanations, found 1\n"
        "    hint: add `/// explanation | res:id` blocks with `style:` inside the `//// compare` block",
    ]


def test_missing_style(render):
    _, problems = render(RANK.replace("    style: simple\n", ""))
    assert problems == [
        "content/notes/t.md:6: explanation of 'res:mml-imperial' has no style\n"
        "    hint: add an option line `    style: visual|intuitive|simple|practical|formal`"
    ]


def test_explanation_outside_compare(render):
    html, problems = render("/// explanation | res:mml-book\n    style: formal\nAlone.\n///\n")
    assert problems == [
        "content/notes/t.md:1: an explanation block belongs inside a compare block\n"
        "    hint: wrap the explanations in `//// compare | concept` holding `/// explanation | res:id` blocks, closed by `////`"
    ]
    assert tree(html).cssselect("article.compare-view p")[0].text == "Alone."


def test_compare_with_as_many_slashes_as_its_explanations(render):
    source = RANK.replace("////", "///")
    html, problems = render(source)
    assert problems == [
        "content/notes/t.md:1: the compare block needs more slashes than the explanations inside it\n"
        "    hint: open and close it with `////` and keep `///` for the explanations"
    ]
    # Nothing is lost: every explanation and the synthesis text are still on the page.
    text = tree(html).text_content()
    for words in ("How many dimensions", "new information", "independent columns", "All three count"):
        assert words in text


def test_bad_style_leaves_text_and_is_reported(render):
    html, problems = render(RANK.replace("style: formal", "style: rigorous"))
    assert problems == [
        "content/notes/t.md:10: invalid style in '/// explanation': 'rigorous' is not one of: "
        "visual, intuitive, simple, practical, formal; the block is shown as plain text\n"
        "    hint: write it as `/// explanation | res:resource-id` with `style: visual|intuitive|simple|practical|formal`"
    ]
    refused = tree(html).cssselect(".block-refused")
    assert len(refused) == 1 and refused[0].text_content().startswith("/// explanation | mml-book")
