"""A hostile summary page imported and then published (the learner removed `Status: draft`
without reading it) runs nothing on any page kind: its note, home, archives, tags, topics, the
all-cards page and its deck, resources, search and /review/ (where its cards are shown and
rated), each opened in Chromium with a trap set before any script of the page runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitebuild import ROOT, build_site
from studyfolio.cli import main

HOSTILE = Path(__file__).parent / "samples" / "hostile-page.txt"
TRAP = """
window.__opened = [];
["alert", "confirm", "prompt", "print", "open"].forEach(function (name) {
  window[name] = function () { window.__opened.push(name); };
});
"""

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    content = tmp_path_factory.mktemp("hostile-site") / "content"
    (content / "notes").mkdir(parents=True)
    assert main(["import", "summary", str(HOSTILE), "--content", str(content), "--slug", "hostile",
                 "--date", "2026-10-10 09:00"]) == 0
    note = content / "notes" / "hostile.md"
    text = note.read_text(encoding="utf-8")
    assert "Status: draft\n" in text
    note.write_text(text.replace("Status: draft\n", ""), encoding="utf-8")
    build = build_site(ROOT / "pelicanconf.py", content.parent / "output", content=content)
    assert build.returncode == 0, build.log
    return build


def page_kinds(output: Path) -> list[str]:
    pages = ["/", "/archives/", "/tags/", "/topics/", "/cards/", "/resources/", "/notes/hostile/",
             "/search/?q=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E"]
    for folder in ("tags", "topics", "cards/notes", "cards/tags"):
        pages += ["/" + str(p.parent.relative_to(output)) + "/"
                  for p in sorted((output / folder).glob("*/index.html"))]
    return pages


def test_no_page_kind_runs_what_the_page_carried(published, serve, browser):
    site = serve(published.output)
    context = browser.new_context()
    context.add_init_script(TRAP)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    kinds = page_kinds(published.output)
    assert len(kinds) >= 10
    for path in kinds:
        page.goto(site + path)
        page.wait_for_load_state("networkidle")
        for target in page.locator("h2, .card-question, .res-title, summary").all()[:20]:
            if target.is_visible():
                target.hover()
        assert page.evaluate("[typeof window.__pwned, window.__opened]") == ["undefined", []], path
    page.goto(site + "/review/")
    page.wait_for_selector("#review[aria-busy=false]")
    for _ in range(10):  # every card of the hostile note goes through innerHTML here
        if not page.is_visible("[data-reveal]"):
            break
        page.keyboard.press("Space")
        page.hover("[data-answer]")
        page.keyboard.press("3")
    rated = page.evaluate("JSON.parse(localStorage.getItem('studyfolio-reviews')).reviews.map(r => r.card)")
    assert set(rated) == {card["id"] for card in json.loads(published.text("cards.json"))["cards"]}
    assert page.evaluate("[typeof window.__pwned, window.__opened]") == ["undefined", []]
    assert dialogs == []
    context.close()
