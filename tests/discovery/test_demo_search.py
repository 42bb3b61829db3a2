"""The demo site's search index (production build): every note, every flashcard, every roadmap
and the resources page, each under its type."""

import html

from discovery_helpers import pagefind_fragments

from studyfolio.discovery.fragments import is_math, squash


def plain_runs(element) -> list[str]:
    """The runs of text in `element` outside formulas, as a reader would type them."""
    runs = []

    def visit(node):
        if is_math(node):
            return
        if node.text:
            runs.append(squash(node.text))
        for child in node:
            visit(child)
            if child.tail:
                runs.append(squash(child.tail))

    visit(element)
    return [run for run in runs if len(run) > 1]


def note_urls(build) -> list[str]:
    return sorted(
        "/notes/" + path.parent.name + "/"
        for path in (build.output / "notes").glob("*/index.html")
    )


def test_every_note_roadmap_and_the_resources_page_is_indexed_under_its_type(demo_build):
    fragments = pagefind_fragments(demo_build.output)
    notes = note_urls(demo_build)
    assert len(notes) >= 10
    by_type: dict[str, list[str]] = {}
    for fragment in fragments.values():
        by_type.setdefault(fragment["filters"]["type"][0], []).append(fragment["url"].replace(
            "https://studyfolio.example.org", ""))
    assert sorted(by_type["note"]) == notes
    roadmaps = sorted(
        "/roadmaps/" + p.parent.name + "/" for p in (demo_build.output / "roadmaps").glob("*/index.html")
    )
    assert roadmaps and sorted(by_type["roadmap"]) == roadmaps
    assert by_type["resource"] == ["/resources/"]


def test_every_flashcard_is_searchable_in_its_note(demo_build):
    fragments = {url.replace("https://studyfolio.example.org", ""): f for url, f in pagefind_fragments(demo_build.output).items()}
    cards = 0
    for url in note_urls(demo_build):
        page = demo_build.page(url.strip("/") + "/index.html")
        content = squash(html.unescape(fragments[url]["content"]))
        anchors = {a["id"] for a in fragments[url]["anchors"]}
        for card in page.cssselect(".note-body details.card"):
            cards += 1
            assert card.get("id") in anchors, (url, card.get("id"))
            question = card.cssselect(".card-question")[0]
            answer = card.cssselect(".card-answer")[0]
            runs = plain_runs(question) + plain_runs(answer)
            assert runs, (url, card.get("id"))
            for run in runs:
                assert run in content, (url, card.get("id"), run)
    assert cards >= 50
    print(f"{cards} cards searchable")
