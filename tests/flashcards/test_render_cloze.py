"""Cloze deletions: one card per number, the deletion hidden in the question, shown in the answer."""

from cards_helpers import answer, cards, note, question

from studyfolio.flashcards.ids import derived_id


def test_a_cloze_body_becomes_one_card_per_number():
    html, problems = note("/// card\n    level: medium\nThe {{c1::mean}} is the {{c2::average::a word}}.\n///\n")
    assert problems == []
    first, second = cards(html)
    base = derived_id("t", "The mean is the average.")
    assert [c.get("data-card-id") for c in (first, second)] == [f"{base}-c1", f"{base}-c2"]
    assert [c.get("data-cloze") for c in (first, second)] == ["1", "2"]
    assert {c.get("data-kind") for c in (first, second)} == {"cloze"}
    assert {c.get("data-level") for c in (first, second)} == {"medium"}
    assert question(first) == "The […] is the average."
    assert question(second) == "The mean is the [a word]."
    assert answer(first) == answer(second) == "The mean is the average."
    [active] = first.xpath(".//div[@class='card-answer']//span[@class='cloze cloze-active']")
    assert (active.text, active.get("data-cloze")) == ("mean", "1")


def test_the_exact_html_of_a_one_number_cloze_card():
    html, problems = note("/// card\nA {{c1::vector}} has a direction.\n///")
    assert problems == []
    card_id = derived_id("t", "A vector has a direction.") + "-c1"
    assert html == (
        f'<details class="card" data-card-id="{card_id}" data-cloze="1" data-kind="cloze" data-line="1"'
        f' data-note="t" data-tags="" id="card-{card_id}">\n'
        '<summary><span class="card-question">A <span class="cloze-blank" data-cloze="1">[…]</span> has a direction.</span>'
        '<span class="card-badges"><span class="card-kind">cloze 1</span></span></summary>\n'
        '<div class="card-answer">\n<p>A <span class="cloze cloze-active" data-cloze="1">vector</span> has a direction.</p>\n</div>\n'
        "</details>"
    )


def test_cloze_in_the_question_keeps_the_body_as_extra():
    html, problems = note("/// card | {{c1::Variance}} is the mean squared distance.\nIts root is the standard deviation.\n///")
    assert problems == []
    [card] = cards(html)
    assert question(card) == "[…] is the mean squared distance."
    body = card.find("div[@class='card-answer']")
    assert body.find("p").text_content() == "Variance is the mean squared distance."
    assert body.find("div[@class='card-extra']").text_content().strip() == "Its root is the standard deviation."
    assert card.get("data-card-id") == derived_id("t", "Variance is the mean squared distance.") + "-c1"


def test_a_question_above_a_cloze_body_is_a_prompt():
    html, problems = note("/// card | Bayes in words\nThe posterior is {{c1::prior times likelihood}}, rescaled.\n///")
    assert problems == []
    [card] = cards(html)
    assert card.find(".//span[@class='card-prompt']").text_content() == "Bayes in words"
    assert question(card) == "Bayes in words The posterior is […], rescaled."


def test_one_number_used_twice_is_one_card_hiding_both():
    html, _ = note("/// card\n{{c1::Rows}} times {{c1::columns}}, then {{c2::sum}}.\n///")
    first, second = cards(html)
    assert question(first) == "[…] times […], then sum."
    assert question(second) == "Rows times columns, then […]."


def test_math_and_markup_inside_a_deletion_render():
    html, problems = note("/// card\nThe derivative of $x^2$ is {{c1::$2x$::a formula}}, or {{c2::**twice** x}}.\n///")
    assert problems == []
    first, second = cards(html)
    assert question(first).startswith("The derivative of")
    assert first.xpath(".//div[@class='card-answer']//span[@data-cloze='1']//*[local-name()='math']")
    assert second.xpath(".//div[@class='card-answer']//span[@data-cloze='2']/strong")[0].text == "twice"
    assert first.find(".//span[@class='cloze-blank']").text == "[a formula]"


def test_cloze_inside_code_is_code():
    html, problems = note("/// card | How do I write a cloze?\nLike `{{c1::this}}`.\n///")
    assert problems == []
    [card] = cards(html)
    assert card.get("data-kind") == "basic"
    assert card.find(".//code").text == "{{c1::this}}"


def test_renumbering_keeps_the_base_id():
    one, _ = note("/// card\nThe {{c1::mean}} and {{c2::median}}.\n///")
    two, _ = note("/// card\nThe {{c2::mean}} and {{c1::median::m...}}.\n///")
    base = lambda html: {c.get("data-card-id").rsplit("-c", 1)[0] for c in cards(html)}  # noqa: E731
    assert base(one) == base(two)
