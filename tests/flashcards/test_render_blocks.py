"""Card blocks: Markdown in, the card HTML contract out."""

import hashlib

import pytest
from cards_helpers import answer, cards, note, question


def digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:8]


def test_a_basic_card_renders_as_details_with_the_contract_attributes():
    html, problems = note(
        "Title: Variance\nTags: spread\n\n/// card | What is *variance*?\n    level: easy\n"
        "The average squared distance from the mean.\n///\n"
    )
    assert problems == []
    card_id = "t-" + digest("what is variance")
    assert html == (
        f'<details class="card" data-card-id="{card_id}" data-kind="basic" data-level="easy" data-line="4"'
        f' data-note="t" data-tags="spread" id="card-{card_id}">\n'
        '<summary><span class="card-question">What is <em>variance</em>?</span>'
        '<span class="card-badges"><span class="card-level level-easy"><span class="visually-hidden">Level: </span>easy</span></span></summary>\n'
        '<div class="card-answer">\n<p>The average squared distance from the mean.</p>\n</div>\n'
        "</details>"
    )


def test_the_answer_is_full_markdown_math_code_and_lists():
    html, problems = note(
        "/// card | Update rule?\n$$\n\\theta - \\alpha g\n$$\n\n- $\\alpha$: step size\n- $g$: gradient\n\n"
        "```python\ntheta -= alpha * g\n```\n///\n"
    )
    assert problems == []
    [card] = cards(html)
    body = card.find("div[@class='card-answer']")
    assert body.xpath(".//div[@class='math-display']//*[local-name()='math']")
    items = body.findall(".//li")
    assert [li.xpath("string(.//*[local-name()='annotation'])") for li in items] == ["\\alpha", "g"]
    assert [li.xpath("string(.//*[local-name()='math']/following-sibling::text())") for li in items] == [
        ": step size", ": gradient"]
    assert body.find(".//pre/code").text == "theta -= alpha * g\n"


def test_no_level_means_no_data_level_and_no_badge():
    html, _ = note("/// card | Q?\nA.\n///")
    [card] = cards(html)
    assert card.get("data-level") is None
    assert card.find_class("card-badges") == []


@pytest.mark.parametrize(
    ("video", "at", "url", "label"),
    [
        ("https://www.youtube.com/watch?v=abcdefghijk", "04:14", "https://www.youtube.com/watch?v=abcdefghijk&t=254", "04:14"),
        ("https://youtu.be/abcdefghijk", "1:02:03", "https://youtu.be/abcdefghijk?t=3723", "1:02:03"),
        ("https://example.org/lecture.mp4", "0:07", "https://example.org/lecture.mp4#t=7", "00:07"),
    ],
)
def test_at_links_into_the_note_video_at_that_second(video, at, url, label):
    html, problems = note(f"Video: {video}\n\n/// card | Q?\n    at: \"{at}\"\nA.\n///\n")
    assert problems == []
    [card] = cards(html)
    assert card.get("data-video-url") == url
    [link] = card.xpath("p[@class='card-video']/a")
    assert link.get("href") == url
    assert link.text_content() == f"Watch at {label} in the video"


def test_unquoted_timestamps_are_read_as_written_not_as_yaml_numbers():
    # YAML 1.1 reads 4:14 as the number 254 (base 60); the timestamp must stay 04:14.
    html, problems = note("Video: https://youtu.be/x\n\n/// card | Q?\n    at: 4:14\nA.\n///\n")
    assert problems == []
    assert cards(html)[0].get("data-video-url") == "https://youtu.be/x?t=254"


def test_explicit_id_wins_and_tags_join_the_note_tags_as_slugs():
    html, problems = note(
        "Tags: Dot Product, vectors\n\n/// card | Q?\n    id: my-card\n    tags: [Linear algebra, vectors]\nA.\n///\n"
    )
    assert problems == []
    [card] = cards(html)
    assert card.get("id") == "card-my-card"
    assert card.get("data-card-id") == "my-card"
    assert card.get("data-tags") == "dot-product linear-algebra vectors"


def test_tags_may_be_a_comma_list():
    html, _ = note("/// card | Q?\n    tags: calculus, chain rule\nA.\n///\n")
    assert cards(html)[0].get("data-tags") == "calculus chain-rule"


def test_slug_metadata_names_the_note():
    html, _ = note("Slug: my-note\n\n/// card | Q?\nA.\n///\n")
    [card] = cards(html)
    assert card.get("data-note") == "my-note"
    assert card.get("data-card-id") == "my-note-" + digest("q")


def test_cards_inside_other_blocks_keep_their_body():
    html, problems = note("/// card | Q?\n/// details | More\nInner.\n///\nAfter.\n///\n", "pymdownx.blocks.details")
    assert problems == []
    [card] = cards(html)
    assert card.find(".//details/summary").text == "More"
    assert answer(card).endswith("After.")


def test_card_syntax_inside_code_stays_code():
    source = "```\n/// card | not a card\n///\n```\n\n    /// card | indented code\n    ///\n"
    html, problems = note(source)
    assert problems == []
    assert cards(html) == []
    assert "/// card | not a card" in html and "/// card | indented code" in html


def test_prose_around_cards_is_untouched_and_in_order():
    html, _ = note("Before.\n\n/// card | Q1?\nA1.\n///\n\nBetween.\n\n/// card | Q2?\nA2.\n///\n\nAfter.")
    assert [question(c) for c in cards(html)] == ["Q1?", "Q2?"]
    assert html.index("Before.") < html.index("Q1?") < html.index("Between.") < html.index("Q2?") < html.index("After.")


def test_state_is_reset_between_documents():
    import markdown

    md = markdown.Markdown(extensions=["meta", "studyfolio.flashcards.extension"])
    first = md.convert("/// card | One?\nA.\n///")
    md.reset()
    second = md.convert("/// card | Two?\nB.\n///")
    assert [question(c) for c in cards(first)] == ["One?"]
    assert [question(c) for c in cards(second)] == ["Two?"]
    assert 'data-line="1"' in second
