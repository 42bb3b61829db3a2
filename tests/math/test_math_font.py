"""The site's math font: cut to what the math shows, MATH table and size variants kept, WOFF2,
written into the build, and used by Chromium for the <math> elements of a note."""

import io

import pytest
from fontTools.ttLib import TTFont

from studyfolio.math.font import FAMILY, cut_for, italic, math_characters, source_font, subset_font

NOTE = "/notes/matrix-multiplication/"  # a matrix in brackets and a display sum


def read(data: bytes) -> TTFont:
    return TTFont(io.BytesIO(data))


def vertical_variants(font: TTFont, char: str) -> tuple[list[str], list[str]]:
    """The size variants of `char`'s glyph and the parts of its assembly in the MATH table."""
    variants = font["MATH"].table.MathVariants
    glyph = font.getBestCmap()[ord(char)]
    construction = variants.VertGlyphConstruction[variants.VertGlyphCoverage.glyphs.index(glyph)]
    assembly = construction.GlyphAssembly
    return ([r.VariantGlyph for r in construction.MathGlyphVariantRecord],
            [p.glyph for p in assembly.PartRecords] if assembly else [])


def test_one_letter_identifiers_are_shown_in_their_italic_forms():
    assert [italic(c) for c in "xAh\u03b1\u03a3\u2202\u2207"] == [
        "\U0001d465", "\U0001d434", "\u210e", "\U0001d6fc", "\U0001d6f4", "\U0001d715", "\U0001d6fb"]
    assert italic("1") is None and italic("(") is None


def test_the_characters_of_a_page_are_its_maths_text_not_the_tex_source():
    page = ('<p>Prose with q.</p><math><semantics><mrow><mi>x</mi><mo>(</mo><mi mathvariant="normal">d</mi>'
            '<mi>sin</mi></mrow><annotation encoding="application/x-tex">\\zeta</annotation></semantics></math>')
    assert math_characters(page) == {"x", "\U0001d465", "(", "d", "s", "i", "n"}
    assert math_characters("<p>No math here.</p>") == set()


@pytest.fixture(scope="module")
def cut():
    with open(source_font(), "rb") as handle:
        return subset_font(handle.read(), "()[]\u2211x\U0001d465=\u221a")


def test_the_cut_is_woff2_named_for_the_site_with_the_math_table_and_only_what_was_asked(cut):
    assert cut[:4] == b"wOF2"
    font = read(cut)
    assert font.flavor == "woff2" and "MATH" in font
    assert font["name"].getDebugName(1) == FAMILY
    assert "Open Font License" in font["name"].getDebugName(13)
    assert sorted(chr(c) for c in font.getBestCmap()) == sorted("()[]\u2211x\U0001d465=\u221a")
    assert len(font.getGlyphOrder()) < 200


def test_a_stretchy_bracket_and_a_large_sum_keep_their_size_variants(cut):
    font = read(cut)
    glyphs = set(font.getGlyphOrder())
    for char in "([\u2211\u221a":
        variants, parts = vertical_variants(font, char)
        assert len(variants) >= 2, char  # the base glyph and at least one larger one
        assert set(variants) <= glyphs and set(parts) <= glyphs, char
    assert len(vertical_variants(font, "(")[1]) >= 3, "a tall bracket is built from its parts"


def test_the_same_text_gives_the_same_bytes_and_the_cache_gives_them_back(cut, tmp_path):
    with open(source_font(), "rb") as handle:
        assert subset_font(handle.read(), "()[]\u2211x\U0001d465=\u221a") == cut
    text = "()[]\u2211x\U0001d465=\u221a"
    first = cut_for(text, str(tmp_path))
    [cached] = (tmp_path / "studyfolio-math-font").iterdir()
    assert cached.read_bytes() == first == cut
    assert cut_for(text, str(tmp_path)) == first
    cut_for("()", str(tmp_path))
    assert len(list((tmp_path / "studyfolio-math-font").iterdir())) == 1, "only the last cut is kept"


@pytest.fixture(scope="module")
def demo(demo_writing_build):
    """The demo built with the writing settings (served locally: site-relative URLs)."""
    return demo_writing_build


def test_the_build_writes_the_font_with_the_glyphs_of_a_notes_math(demo):
    data = (demo.output / "theme" / "fonts" / "math.woff2").read_bytes()
    assert data[:4] == b"wOF2"
    font = read(data)
    assert "MATH" in font
    shown = math_characters(demo.text("notes/matrix-multiplication/index.html"))
    assert {"\u2211", "[", "]", "\U0001d434"} <= shown
    assert sorted(shown - {chr(c) for c in font.getBestCmap()}) == []
    print(f"math font for the demo site: {len(data) / 1024:.1f} KB")
    assert len(data) < 80 * 1024
    css = demo.text("theme/css/studyfolio.css")
    assert '@font-face {\n  font-family: "Studyfolio Math";\n  src: url("../fonts/math.woff2") format("woff2");' in css
    assert 'math { font-family: "Studyfolio Math", math; }' in css


@pytest.mark.browser
def test_chromium_draws_a_notes_math_with_the_font(page, demo, serve):
    page.goto(serve(demo.output) + NOTE)
    page.evaluate("document.fonts.ready")
    assert page.evaluate("getComputedStyle(document.querySelector('math')).fontFamily").startswith('"Studyfolio Math"')
    assert page.evaluate("[...document.fonts].map(f => [f.family, f.status])") == [["Studyfolio Math", "loaded"]]
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    bracket = cdp.send("DOM.querySelector", {"nodeId": root, "selector": ".math-display:has(mtable) mo"})["nodeId"]
    assert bracket, "the note has a matrix"
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": bracket})["fonts"]
    assert [(f["familyName"], f["isCustomFont"]) for f in fonts] == [(FAMILY, True)]
    # The brackets around a two-row matrix stretch to its height; the display sum is taller than
    # the letters beside it.
    heights = page.evaluate("""() => {
      const display = [...document.querySelectorAll('.math-display')].find(d => d.querySelector('mtable'));
      const mos = [...display.querySelectorAll('mo')].filter(mo => mo.textContent === '[');
      const sum = [...document.querySelectorAll('.math-display mo')].find(mo => mo.textContent === '\u2211');
      const letter = sum.closest('math').querySelector('mi');
      return {bracket: mos[0].getBoundingClientRect().height, table: display.querySelector('mtable').getBoundingClientRect().height,
              sum: sum.getBoundingClientRect().height, letter: letter.getBoundingClientRect().height};
    }""")
    assert heights["bracket"] >= heights["table"] * 0.9, heights
    assert heights["sum"] >= heights["letter"] * 1.5, heights
    assert page.foreign_requests == []
