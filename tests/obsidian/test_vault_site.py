"""A small Obsidian vault (tests/fixtures/vault) built in place: its notes, links, tags,
callouts, embeds and comments as a learner coming from Obsidian expects them."""

from __future__ import annotations

import json

import pytest

from sitebuild import ROOT, build_site

VAULT = ROOT / "tests" / "fixtures" / "vault"


@pytest.fixture(scope="module")
def vault(tmp_path_factory):
    build = build_site(VAULT / "vaultconf.py", tmp_path_factory.mktemp("vault") / "output", cwd=VAULT)
    assert build.returncode == 0, build.log
    return build


def body(build, slug: str):
    return build.page(f"notes/{slug}/index.html").cssselect(".note-body")[0]


def test_every_note_is_published_under_its_path_with_its_file_name_as_title(vault):
    titles = {}
    for slug in ("statistics-variance", "statistics-sample-variance", "statistics-mean", "statistics-bayes-the-theoreme-of-priors",
                 "linear-algebra-mean", "linear-algebra-dot-product"):
        titles[slug] = vault.page(f"notes/{slug}/index.html").cssselect(".note-header h1")[0].text_content()
    assert titles == {
        "statistics-variance": "Variance", "statistics-sample-variance": "Sample variance",
        "statistics-mean": "Mean", "linear-algebra-mean": "Mean",
        "linear-algebra-dot-product": "The dot product",  # the front matter's title wins
        "statistics-bayes-the-theoreme-of-priors": "Bayes & the théorème of priors",
    }


def test_dates_come_from_date_or_created(vault):
    dates = {slug: vault.page(f"notes/{slug}/index.html").cssselect(".note-meta time")[0].get("datetime")[:10]
             for slug in ("statistics-variance", "statistics-sample-variance", "linear-algebra-dot-product")}
    assert dates == {"statistics-variance": "2026-02-03", "statistics-sample-variance": "2026-02-10",
                     "linear-algebra-dot-product": "2026-01-20"}


def test_tags_come_from_the_front_matter_and_the_text_and_never_make_headings(vault):
    page = vault.page("notes/statistics-variance/index.html")
    assert [a.text_content() for a in page.cssselect(".note-header .tag-list a")] == [
        "#flashcards/statistics", "#statistics", "#stats/moments"]
    note = body(vault, "statistics-variance")
    assert [h.text_content().rstrip("#") for h in note.cssselect("h1, h2, h3")] == ["Variance"]
    inline = note.cssselect("a.obsidian-tag")
    assert [(a.text_content(), a.get("href")) for a in inline] == [
        ("#flashcards/statistics", "/tags/flashcards-statistics/"), ("#stats/moments", "/tags/stats-moments/")]
    assert (vault.output / "tags" / "stats-moments" / "index.html").exists()
    assert "#nottag" in note.cssselect("pre")[-1].text_content()  # code keeps its text


def test_highlights_block_ids_and_comments(vault):
    note = body(vault, "statistics-variance")
    marks = body(vault, "statistics-sample-variance").cssselect("mark")
    assert [m.text_content().replace("n - 1", "") for m in marks] == ["n−1, Bessel's correction,"]  # MathML, its TeX
    assert marks[0].cssselect("math")  # math inside a highlight is still math
    [anchored] = note.cssselect('[id="^why-square"]')
    assert anchored.tag == "p" and "^why-square" not in anchored.text_content()
    text = note.text_content()
    assert "Note to self" not in text and "%%" not in text.replace("%%kept in code%%", "")
    assert "%%kept in code%%" in note.cssselect("pre")[-1].text_content()
    sample = body(vault, "statistics-sample-variance").text_content()
    assert "A comment over" not in sample and "Done." in sample


def test_callouts_become_admonitions_folded_open_and_unknown(vault):
    boxes = body(vault, "statistics-variance").cssselect(".callout")
    assert [(b.tag, b.get("class"), b.get("open"), b[0].text_content()) for b in boxes] == [
        ("div", "admonition callout info", None, "In symbols"),
        ("details", "admonition callout tip", None, "Why not absolute values?"),
        ("details", "admonition callout tip", "", "Open by default"),
        ("div", "admonition callout note", None, "A typo in the type"),
    ]
    assert boxes[0].cssselect("math")  # the callout's body is rendered Markdown


def test_wikilinks_by_path_alias_block_and_nearest_name(vault):
    links = {a.text_content(): a.get("href") for a in body(vault, "statistics-variance").cssselect("a.wikilink")}
    assert links == {"Sample variance": "/notes/statistics-sample-variance/",
                     "the dot product": "/notes/linear-algebra-dot-product/"}
    own = body(vault, "statistics-sample-variance").xpath(
        ".//a[contains(@class, 'wikilink')][not(ancestor::div[@class='transclusion'])]")
    sample = {a.text_content(): a.get("href") for a in own}
    assert sample == {"Variance › ^why-square": "/notes/statistics-variance/#^why-square",
                      "spread": "/notes/statistics-variance/", "Mean": "/notes/statistics-mean/"}
    [dot] = body(vault, "linear-algebra-dot-product").cssselect("a.wikilink")
    assert dot.get("href") == "/notes/linear-algebra-mean/"  # the Mean in its own folder


def test_embedded_image_is_copied_and_sized(vault):
    [image] = body(vault, "statistics-variance").cssselect("img")
    assert (image.get("src"), image.get("width"), image.get("alt")) == (
        "/notes/Attachments/histogram.png", "240", "histogram.png")
    assert (vault.output / "notes" / "Attachments" / "histogram.png").read_bytes() == (
        VAULT / "content" / "notes" / "Attachments" / "histogram.png").read_bytes()


def test_problems_are_reported_once_at_their_lines(vault):
    problems = [line for line in vault.log.splitlines() if line.startswith("content/")]
    assert problems == [
        "content/notes/Linear algebra/Dot product.md:7: warning: [[Mean]] could mean 2 notes: content/notes/Linear algebra/Mean.md, content/notes/Statistics/Mean.md; it links to content/notes/Linear algebra/Mean.md, the nearest",
        "content/notes/Linear algebra/Mean.md:1: error: embedded file not found: ![[missing-plot.png]]",
        "content/notes/Linear algebra/Mean.md:2: warning: ![[Dot product]] shares its paragraph with other text, so it is shown as a link",
        "content/notes/Statistics/Bayes & the théorème of priors.md:13: warning: review schedule 'fsrs,3.1,5.2' not read: the plugin's FSRS schedules are not read yet; the card starts as new",
        "content/notes/Statistics/Sample variance.md:9: warning: [[Mean]] could mean 2 notes: content/notes/Linear algebra/Mean.md, content/notes/Statistics/Mean.md; it links to content/notes/Statistics/Mean.md, the nearest",
        "content/notes/Statistics/Variance.md:25: warning: unknown callout type 'warnign'; it is shown as a note",
        "content/notes/Statistics/Variance.md:38: warning: 1 dataview query is shown as code: queries are not run when the site is built",
    ]
    assert "    hint: did you mean 'warning'?" in vault.log
    assert "    hint: link by path to choose: [[notes/Linear algebra/Mean]] or [[notes/Statistics/Mean]]" in vault.log


def test_cards_are_read_as_the_spaced_repetition_plugin_reads_them(vault):
    cards = {c["question"]: c for c in json.loads((vault.output / "cards.json").read_text())["cards"]}
    assert sorted(cards) == ["What Bayes' rule updates", "What does variance measure", "Why square the distances?"]
    assert "schedule" not in cards["What Bayes' rule updates"]  # an FSRS group: not read, reported
    assert cards["Why square the distances?"]["answer"] == (
        "<p>Squares are never negative</p>\n<ul>\n<li>and they are smooth, so calculus works on them</li>\n</ul>")
    assert "flashcards-statistics" in cards["What does variance measure"]["tags"]
    text = body(vault, "statistics-variance").text_content()
    assert "SR:" not in text


def test_schedules_from_sr_comments_carry_over_to_the_review_page(vault):
    cards = {c["question"]: c for c in json.loads((vault.output / "cards.json").read_text())["cards"]}
    measure = cards["What does variance measure"]
    assert measure["schedule"] == {"due": "2026-12-20", "interval": 16, "ease": 2.5}
    assert cards["Why square the distances?"]["schedule"] == {"due": "2026-12-08", "interval": 4, "ease": 2.3}
    history = json.loads((vault.output / "reviews.json").read_text())
    last, due, stability, difficulty = history["seeds"][measure["id"]]
    assert (due - last, stability) == (16 * 86400000, pytest.approx(16.0))
    assert 1 <= difficulty <= 10
    index = json.loads((vault.output / "review" / "index.json").read_text())
    assert measure["id"] in json.dumps(index["cards"])  # the published state of a seeded card


def test_embedded_notes_sections_and_blocks_are_shown_in_place(vault):
    boxes = body(vault, "statistics-sample-variance").cssselect(".transclusion")
    assert [b.cssselect(".transclusion-source a")[0].get("href") for b in boxes] == [
        "/notes/statistics-variance/#variance", "/notes/statistics-variance/#^why-square"]
    section, block = boxes
    assert section.cssselect("h1")[0].text_content() == "Variance"
    assert section.cssselect(".callout")  # the section runs on to the next heading of its level
    assert not section.cssselect("details[data-card-id]")  # cards stay in their own note
    assert not [el for el in section.iter() if el.get("id")]  # the page keeps one of each id
    assert section.cssselect("a.wikilink")[1].get("href") == "/notes/statistics-sample-variance/"
    assert [p.text_content() for p in block.cssselect("p:not(.transclusion-source)")] == [
        "Variance is the average squared distance from the mean. Squaring keeps every distance"
        " positive and weighs the far points more."]


def test_names_with_accents_and_ampersands_resolve_and_a_formula_never_runs_on(vault):
    [link] = [a for a in body(vault, "statistics-mean").cssselect("a.wikilink") if "Bayes" in a.text_content()]
    assert link.get("href") == "/notes/statistics-bayes-the-theoreme-of-priors/"
    bayes = body(vault, "statistics-bayes-the-theoreme-of-priors")
    assert len(bayes.cssselect(".math-display")) == 1  # $$ ... $$ with text right under it
    assert bayes.cssselect('[id="^bayes-rule"]')[0].text_content() == "Read it as: belief after the evidence."
    assert [h.text_content().rstrip("#") for h in bayes.cssselect("h2")] == ["What the prior is"]


def test_a_tag_with_an_accent_links_to_its_page(vault):
    [link] = [a for a in body(vault, "statistics-bayes-the-theoreme-of-priors").cssselect("a.obsidian-tag")
              if a.text_content() == "#probabilités"]
    assert link.get("href") == "/tags/probabilites/"
    assert (vault.output / "tags" / "probabilites" / "index.html").exists()
