"""Preview images: their size and format, the title's layout (wrapped, never overflowing), and the
cache that makes an unchanged note cost nothing on a rebuild."""

from PIL import Image

from studyfolio.portfolio.previews import (
    MARGIN,
    MAX_LINES,
    WIDTH,
    PreviewCard,
    PreviewStore,
    fit_title,
)

CARD = PreviewCard("Variance, my way", "Statistics · Beginner", "5 min read · 8 cards", "Studyfolio")
TEXT_WIDTH = WIDTH - 2 * MARGIN


def test_an_image_is_1200_by_630_png_under_150_kb(tmp_path):
    store = PreviewStore(str(tmp_path / "cache"))
    store.place(CARD, str(tmp_path / "out" / "variance.png"))
    path = tmp_path / "out" / "variance.png"
    with Image.open(path) as image:
        assert (image.size, image.format) == ((1200, 630), "PNG")
    assert path.stat().st_size < 150_000


def test_a_short_title_is_one_line_at_the_largest_size():
    face, lines = fit_title("Variance, my way", TEXT_WIDTH)
    assert (face.size, lines) == (72, ["Variance, my way"])


def test_a_long_title_wraps_smaller_and_never_overflows():
    title = ("Why the eigendecomposition of a covariance matrix gives the principal components, and what "
             "that means when your features are measured in wildly different units")
    face, lines = fit_title(title, TEXT_WIDTH)
    assert len(lines) == MAX_LINES and all(face.getlength(line) <= TEXT_WIDTH for line in lines)
    assert lines[-1].endswith("…") and " ".join(lines).startswith("Why the eigendecomposition of a covariance matrix")
    face, lines = fit_title("Supercalifragilisticexpialidociousnessofhyperparameteroptimisationtechniques explained", TEXT_WIDTH)
    assert all(face.getlength(line) <= TEXT_WIDTH for line in lines) and lines[0].endswith("-")
    rejoined = "".join(line[:-1] if line.endswith("-") else f"{line} " for line in lines).strip()
    assert rejoined == "Supercalifragilisticexpialidociousnessofhyperparameteroptimisationtechniques explained"


def test_a_title_that_fits_in_three_lines_is_shown_whole():
    title = "Conditional probability and Bayes' theorem, with a test that lies to you"
    face, lines = fit_title(title, TEXT_WIDTH)
    assert " ".join(lines) == title and len(lines) <= MAX_LINES


def test_an_unchanged_card_is_drawn_once_and_a_changed_one_again(tmp_path):
    cache, out = str(tmp_path / "cache"), tmp_path / "out" / "v.png"
    first = PreviewStore(cache)
    first.place(CARD, str(out))
    assert first.drawn == 1
    again = PreviewStore(cache)
    again.place(CARD, str(out))
    assert again.drawn == 0  # the cached image is used
    before = out.read_bytes()
    changed = PreviewStore(cache)
    changed.place(PreviewCard(CARD.title, CARD.eyebrow, "5 min read · 9 cards", CARD.site), str(out))
    assert changed.drawn == 1 and out.read_bytes() != before
