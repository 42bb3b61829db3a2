"""The cards fixture site, built once: note pages, decks, cards.json, the report, strict mode."""

import json
import re

import pytest
from cards_helpers import SITE
from lxml import html as lxml_html

from sitebuild import build_site, report_md_lines
from studyfolio.flashcards.export import CardsFormatError, read_cards_json

SITE_URL = "https://cards.example.org"
KEYS = ["id", "note", "question", "answer", "level", "tags", "video_url", "cloze", "kind"]




@pytest.fixture(scope="module")
def deck(cards_build):
    return json.loads(cards_build.text("cards.json"))["cards"]


def ids_on(page) -> list[str]:
    return [el.get("data-card-id") for el in page.xpath("//details[@data-card-id]")]


def questions_on(page) -> list[tuple[str, str]]:
    """(card id, link) of each question a deck page lists instead of whole cards."""
    return [(li.get("data-card-id"), li.find("a").get("href")) for li in page.cssselect(".deck-questions li")]


def in_notes(cards: list[dict]) -> list[tuple[str, str]]:
    """Where each card is in its note: (id, the note's URL with the card's anchor)."""
    return [(card["id"], f"{SITE_URL}/{card['note']['url']}#card-{card['id']}") for card in cards]


def test_every_problem_in_the_site_is_reported_once_with_its_place(cards_build):
    assert cards_build.returncode == 0, cards_build.log
    assert report_md_lines(cards_build.log) == [
        "content/notes/mistakes.md:7: bad level 'expert': expected easy, medium or hard",
        "content/notes/mistakes.md:8: unknown card option 'colour'",
        "content/notes/mistakes.md:13: malformed timestamp '4.14': expected mm:ss or h:mm:ss, e.g. 04:14",
        "content/notes/mistakes.md:18: card has at: 04:14 but the note has no Video:",
        "content/notes/mistakes.md:22: card has no question",
        "content/notes/mistakes.md:26: card has no answer",
        "content/notes/mistakes.md:29: cloze deletion outside a card",
        "content/notes/mistakes.md:29: unknown cloze form '{{c1:mean}}': it needs a number and two colons, as in c1::",
        "content/notes/mistakes.md:31: duplicate card id 'gd-update-rule': content/notes/gradient-descent.md:17 has the same id",
        "content/notes/mistakes.md:36: card block is never closed",
        "content/pages/about.md:5: cards on a page are shown but not gathered into decks, cards.json or Anki",
    ]
    assert "Studyfolio found 10 error(s) and 1 warning(s)." in cards_build.log


def test_strict_mode_fails_the_build_with_a_count(tmp_path):
    strict = build_site(SITE / "cardsconf.py", tmp_path / "out", cwd=SITE, extra={"STUDYFOLIO_STRICT": True})
    assert strict.returncode == 1
    assert "strict mode: 10 error(s) and 1 warning(s) in the sources" in re.sub(r"\s+", " ", strict.log)


def test_a_note_page_shows_its_cards_and_the_cards_section(cards_build):
    page = cards_build.page("notes/gradient-descent/index.html")
    body = page.find_class("note-body")[0]
    cards = body.xpath(".//details[@class='card']")
    assert [c.get("data-kind") for c in cards] == ["basic", "basic", "cloze", "cloze", "cloze", "cloze", "basic"]
    assert [c.get("data-level") for c in cards] == ["easy", "hard", "medium", "medium", None, None, None]
    assert all(c.get("data-note") == "gradient-descent" for c in cards)
    first = cards[0]
    assert first.get("data-tags") == "calculus hyperparameters optimisation"
    assert first.get("data-video-url") == "https://www.youtube.com/watch?v=IHZwWFHWa-w&t=185"
    assert first.find("summary").text_content().strip() == "What does the learning rate control?Level: easy"
    [section] = page.find_class("note-cards")
    assert section.findtext("h2") == "Cards in this note (7)"
    links = {a.text_content(): a.get("href") for a in section.find_class("note-cards-actions")[0].iter("a")}
    assert links == {
        "Review these cards": f"{SITE_URL}/review/?note=gradient-descent",
        "Printable deck": f"{SITE_URL}/cards/notes/gradient-descent/",
    }
    jumps = [a.get("href") for a in section.find_class("note-cards-list")[0].iter("a")]
    assert jumps == [f"#{c.get('id')}" for c in cards]


def test_a_note_without_cards_has_no_cards_section(cards_build):
    assert cards_build.page("notes/no-cards/index.html").find_class("note-cards") == []


def test_cards_json_has_the_documented_schema(cards_build, deck):
    document = json.loads(cards_build.text("cards.json"))
    assert (document["format"], document["version"]) == ("studyfolio-cards", 1)
    for card in deck:
        assert list(card) == KEYS
        assert list(card["note"]) == ["slug", "title", "url"]
        assert card["note"]["url"] == f"notes/{card['note']['slug']}/"
        assert card["level"] in ("easy", "medium", "hard", None)
        assert card["kind"] in ("basic", "cloze", "reversed")
        assert (card["cloze"] is None) == (card["kind"] != "cloze")
        assert isinstance(card["tags"], list) and all(isinstance(t, str) for t in card["tags"])
        assert card["question"].strip() and card["answer"].strip()
    assert len({card["id"] for card in deck}) == len(deck)


def test_cards_json_is_sorted_by_note_then_position_and_holds_every_published_card(cards_build, deck):
    notes = [card["note"]["slug"] for card in deck]
    assert notes == sorted(notes)
    for slug in set(notes):
        page = cards_build.page(f"notes/{slug}/index.html")
        on_page = [i for i in ids_on(page.find_class("note-body")[0])]
        in_json = [card["id"] for card in deck if card["note"]["slug"] == slug]
        if slug == "mistakes":
            on_page.remove("gd-update-rule")  # the duplicate stays on its page, out of the deck
        assert in_json == on_page
    assert "draft" not in notes  # drafts join the decks when they are published
    assert len(deck) == 7 + 6 + 7


def test_cloze_and_video_fields_in_cards_json(deck):
    by_id = {card["id"]: card for card in deck}
    rule = by_id["gd-update-rule"]
    assert rule["video_url"] == "https://www.youtube.com/watch?v=IHZwWFHWa-w&t=3723"
    assert "<math" in rule["question"]
    answer_text = lxml_html.fragment_fromstring(rule["answer"], create_parent="div").text_content()
    assert "theta = theta - alpha * grad(theta)" in answer_text
    clozes = [card for card in deck if card["kind"] == "cloze" and card["note"]["slug"] == "gradient-descent"]
    assert [card["cloze"] for card in clozes] == [1, 2, 1, 2]
    assert clozes[1]["question"] == (
        'We go <span class="cloze" data-cloze="1">against</span> the gradient because it points'
        ' <span class="cloze-blank" data-cloze="2">[which way?]</span>.'
    )
    reversed_cards = [card for card in deck if card["kind"] == "reversed"]
    assert [card["question"] for card in reversed_cards] == ["Zero", "Two-way answer"]


def test_links_in_cards_are_resolved_everywhere(cards_build, deck):
    [card] = [c for c in deck if c["question"] == "What does a slope look like?"]
    answer = lxml_html.fragment_fromstring(card["answer"], create_parent="div")
    assert answer.find(".//img").get("src") == f"{SITE_URL}/images/slope.svg"
    assert answer.find(".//a").get("href") == f"{SITE_URL}/notes/vectors/"
    for page in ("notes/gradient-descent/index.html", "cards/notes/gradient-descent/index.html"):
        sources = cards_build.page(page).xpath("//details[@data-card-id]//img/@src")
        assert sources == [f"{SITE_URL}/images/slope.svg"], page
    assert (cards_build.output / "images" / "slope.svg").exists()
    assert "Unable to find" not in cards_build.log


def test_read_cards_json_gives_the_cards_and_refuses_what_it_cannot_read(cards_build, deck, tmp_path):
    assert read_cards_json(cards_build.output / "cards.json") == deck
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"format": "studyfolio-cards", "version": 2, "cards": []}))
    with pytest.raises(CardsFormatError, match="version 2 is newer than this Studyfolio reads"):
        read_cards_json(newer)
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "studyfolio-reviews", "version": 1, "reviews": []}))
    with pytest.raises(CardsFormatError, match="not a studyfolio-cards file"):
        read_cards_json(other)


def test_the_all_cards_deck_lists_every_question_linked_to_its_card_grouped_by_note(cards_build, deck):
    page = cards_build.page("cards/index.html")
    assert page.findtext(".//h1") == "All cards"
    assert ids_on(page) == []  # no whole card: each question links to its card in the note
    assert questions_on(page) == in_notes(deck)
    assert [h.text_content() for h in page.cssselect(".deck-note h2 a")] == [
        "Gradient descent, step by step", "Card mistakes", "Vectors & the dot product"]
    assert [a.get("href") for a in page.cssselect(".deck-note-deck a")] == [
        f"{SITE_URL}/cards/notes/{slug}/" for slug in ("gradient-descent", "mistakes", "vectors")]
    assert page.cssselect(".deck-tools a.button")[0].get("href") == f"{SITE_URL}/review/"
    assert page.cssselect("[data-cards-toggle]") == []  # no answers here to show
    index = {a.text_content().split()[0]: a.get("href") for a in page.cssselect(".deck-index a")}
    assert index["Gradient"] == f"{SITE_URL}/cards/notes/gradient-descent/"
    assert index["#hyperparameters"] == f"{SITE_URL}/cards/tags/hyperparameters/"


def test_each_listed_question_is_the_cards_own_and_leads_to_it(cards_build, deck):
    page = cards_build.page("cards/index.html")
    links = {li.get("data-card-id"): li.find("a") for li in page.cssselect(".deck-questions li")}
    rule = links["gd-update-rule"]
    assert rule.find(".//math") is not None  # MathML kept
    assert rule.find(".//a") is None  # a link inside the question is unwrapped
    for card in deck:
        question = lxml_html.fragment_fromstring(card["question"], create_parent="div")
        assert " ".join(links[card["id"]].text_content().split()) == " ".join(question.text_content().split())
    note = cards_build.page("notes/gradient-descent/index.html")
    targets = [href.split("#")[1] for card_id, href in questions_on(page) if "/notes/gradient-descent/#" in href]
    assert targets and all(note.get_element_by_id(target).get("class") == "card" for target in targets)


def test_a_note_deck_has_whole_cards_and_a_tag_deck_their_questions(cards_build, deck):
    note_page = cards_build.page("cards/notes/vectors/index.html")
    assert ids_on(note_page) == [card["id"] for card in deck if card["note"]["slug"] == "vectors"]
    assert all(card.find_class("card-answer") for card in note_page.xpath("//details[@data-card-id]"))
    assert note_page.cssselect(".deck-questions") == []
    assert note_page.cssselect("[data-cards-toggle]")[0].text == "Show all answers"
    assert note_page.cssselect(".deck-tools a.button")[0].get("href") == f"{SITE_URL}/review/?note=vectors"
    tag_page = cards_build.page("cards/tags/hyperparameters/index.html")
    assert tag_page.findtext(".//h1") == "Cards tagged #hyperparameters"
    assert ids_on(tag_page) == [] and tag_page.cssselect("[data-cards-toggle]") == []
    assert questions_on(tag_page) == in_notes([card for card in deck if "hyperparameters" in card["tags"]])
    assert len(questions_on(tag_page)) == 1
    note_tag = cards_build.page("cards/tags/dot-product/index.html")
    assert note_tag.findtext(".//h1") == "Cards tagged #dot product"  # the note's tag, by its name
    assert questions_on(note_tag) == in_notes([card for card in deck if card["note"]["slug"] == "vectors"])


def test_deck_pages_use_only_local_styles_and_scripts(cards_build):
    page = cards_build.page("cards/index.html")
    sources = [el.get("href") or el.get("src") for el in page.xpath("//link[@rel='stylesheet'] | //script[@src]")]
    assert sources == [f"{SITE_URL}/theme/{name}" for name in ("css/studyfolio.css", "js/site.js", "js/deck-page.js")]
    assert "data-cards-toggle" in (cards_build.output / "theme/js/site.js").read_text()  # "Show all answers"
    assert ".card > summary {" in (cards_build.output / "theme/css/studyfolio.css").read_text()


def test_anki_file_starts_with_the_import_headers(cards_build):
    lines = cards_build.text("cards/anki.txt").splitlines()
    assert lines[:6] == ["#separator:tab", "#html:true", "#guid column:1", "#notetype column:2",
                         "#deck column:3", "#tags column:6"]
