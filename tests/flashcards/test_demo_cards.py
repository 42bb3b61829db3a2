"""The demo's flashcards, built with the production settings (strict): enough, varied, valid."""

import csv
import io
import json
from collections import Counter


def test_the_demo_has_sixty_cards_or_more_mixing_levels_video_moments_and_cloze(demo_build):
    cards = json.loads(demo_build.text("cards.json"))["cards"]
    assert len(cards) >= 60
    levels = Counter(card["level"] for card in cards)
    assert all(levels[level] >= 10 for level in ("easy", "medium", "hard")), levels
    assert sum(1 for card in cards if card["video_url"]) >= 8
    assert sum(1 for card in cards if card["kind"] == "cloze") >= 10
    assert any(card["kind"] == "reversed" for card in cards)  # the inline two-way card
    notes = {card["note"]["slug"] for card in cards}
    assert len(notes) == len(list((demo_build.output / "notes").glob("*/index.html")))


def test_every_video_moment_points_into_its_notes_video(demo_build):
    for card in json.loads(demo_build.text("cards.json"))["cards"]:
        if card["video_url"]:
            page = demo_build.page(card["note"]["url"] + "index.html")
            video = page.cssselect(".note-video a")[0].get("href")
            assert card["video_url"].startswith(video + "&t="), card["id"]


def test_every_demo_note_ends_with_its_cards_section(demo_build):
    for path in (demo_build.output / "notes").glob("*/index.html"):
        page = demo_build.page(path.relative_to(demo_build.output).as_posix())
        count = len(page.cssselect(".note-body details.card"))
        assert page.cssselect(".note-cards h2")[0].text_content() == f"Cards in this note ({count})"


def test_the_anki_file_has_a_deck_per_note(demo_build):
    text = demo_build.text("cards/anki.txt")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    decks = {row[2] for row in csv.reader(io.StringIO(body), delimiter="\t")}
    titles = {demo_build.page(p.relative_to(demo_build.output).as_posix()).cssselect(".note-header h1")[0].text_content()
              for p in (demo_build.output / "notes").glob("*/index.html")}
    assert decks == {f"Studyfolio::{title}" for title in titles}
