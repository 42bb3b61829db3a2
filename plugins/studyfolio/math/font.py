"""The site's own math font, so brackets stretch and sums are large operators on systems that
have none (stock Linux, Android): STIX Two Math (SIL Open Font License), as the ziamath package
ships it, cut at build time to what the built pages' MathML shows and written as WOFF2 to
THEME_STATIC_DIR/fonts/math.woff2 (css/math.css names it "Studyfolio Math").

The cut keeps every layout feature and the MATH table, and fontTools closes the glyph set over
that table, so the size variants and assembly parts of a stretchy bracket or a large operator
stay in. The file is the same bytes for the same pages (the source's timestamp is kept); the
last cut is kept in CACHE_PATH, so a rebuild with the same math does not cut again."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import os
import unicodedata

from fontTools import version as fonttools_version
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont
from selectolax.lexbor import LexborHTMLParser

from ..core.atomic import ReplaceOnClose

FAMILY = "Studyfolio Math"
FONT_FILE = os.path.join("fonts", "math.woff2")  # inside THEME_STATIC_DIR
CACHE_FOLDER = "studyfolio-math-font"
RECIPE = "1"  # bump when the cut below changes, so cached cuts are not reused
# Drawn by the browser without being in the text: the radical of msqrt and mroot.
ALWAYS = "\u221a"
# Italic letters with a code point of their own outside the Mathematical Alphanumeric block.
ITALIC_EXCEPTIONS = {"h": "\u210e"}
ITALIC_PREFIXES = (
    ("LATIN SMALL LETTER ", "MATHEMATICAL ITALIC SMALL "),
    ("LATIN CAPITAL LETTER ", "MATHEMATICAL ITALIC CAPITAL "),
    ("GREEK SMALL LETTER ", "MATHEMATICAL ITALIC SMALL "),
    ("GREEK CAPITAL LETTER ", "MATHEMATICAL ITALIC CAPITAL "),
    ("GREEK ", "MATHEMATICAL ITALIC "),  # the theta, phi, ... symbols
    ("", "MATHEMATICAL ITALIC "),  # partial differential, nabla
)


def source_font() -> str:
    """The STIX Two Math file inside the installed ziamath package, found without importing it
    (its import loads fonts of its own)."""
    spec = importlib.util.find_spec("ziamath")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the ziamath package (it ships the math font) is not installed: pip install -e .")
    return os.path.join(spec.submodule_search_locations[0], "fonts", "STIXTwoMath-Regular.ttf")


def italic(char: str) -> str | None:
    """The character a browser shows for a one-letter <mi> (MathML's automatic italic), or None."""
    if char in ITALIC_EXCEPTIONS:
        return ITALIC_EXCEPTIONS[char]
    name = unicodedata.name(char, "")
    for prefix, italic_prefix in ITALIC_PREFIXES:
        if name.startswith(prefix) and name:
            try:
                return unicodedata.lookup(italic_prefix + name[len(prefix):])
            except KeyError:
                continue
    return None


def math_characters(page: str) -> set[str]:
    """The characters the <math> elements of an HTML page show: their text (not the TeX kept
    in <annotation>), and the italic forms of their one-letter identifiers."""
    if "<math" not in page:
        return set()
    tree = LexborHTMLParser(page)
    found: set[str] = set()
    for math in tree.css("math"):
        for annotation in math.css("annotation, annotation-xml"):
            annotation.decompose()
        found.update(math.text())
        for identifier in math.css("mi"):
            text = identifier.text()
            if len(text) == 1 and identifier.attributes.get("mathvariant") != "normal":
                found.add(italic(text) or text)
    return found


def subset_font(source: bytes, text: str) -> bytes:
    """WOFF2 of `source` cut to the glyphs of `text`, with every layout feature, the MATH table
    and the glyphs it reaches (size variants, assembly parts), named FAMILY."""
    options = Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]  # the copyright and license stay in the file
    options.hinting = False  # a third of the size; browsers scale math glyphs anyway
    options.drop_tables = [tag for tag in options.drop_tables if tag != "MATH"] + ["DSIG"]
    font = TTFont(io.BytesIO(source), recalcTimestamp=False)
    subsetter = Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    rename(font)
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def rename(font: TTFont) -> None:
    """A cut font is a modified version: it goes by its own name (the license asks this of
    modified fonts), the original's copyright kept."""
    postscript = FAMILY.replace(" ", "")
    names = {1: FAMILY, 3: f"{postscript};cut from STIX Two Math", 4: FAMILY, 6: postscript}
    table = font["name"]
    for record in table.names:
        if record.nameID in names:
            table.setName(names[record.nameID], record.nameID, record.platformID, record.platEncID, record.langID)
    table.names = [r for r in table.names if r.nameID not in (16, 17)]


def site_characters(output: str) -> str:
    """Every character the math of the built site shows, sorted."""
    found: set[str] = set(ALWAYS)
    for folder, _dirs, names in os.walk(output):
        for name in names:
            if name.endswith(".html"):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    found |= math_characters(handle.read())
    return "".join(sorted(found))


def cut_for(text: str, cache: str) -> bytes:
    """The cut for `text`, from the cache when the same source, recipe and fontTools made it."""
    with open(source_font(), "rb") as handle:
        source = handle.read()
    key = hashlib.sha256("\0".join([
        hashlib.sha256(source).hexdigest(), fonttools_version, RECIPE, text,
    ]).encode("utf-8")).hexdigest()[:24]
    folder = os.path.join(cache, CACHE_FOLDER)
    cached = os.path.join(folder, f"{key}.woff2")
    if os.path.isfile(cached):
        with open(cached, "rb") as handle:
            return handle.read()
    data = subset_font(source, text)
    if os.path.isdir(folder):
        for old in sorted(os.listdir(folder)):  # one cut kept: the last
            os.unlink(os.path.join(folder, old))
    replace_if_changed(cached, data)
    return data


def replace_if_changed(path: str, data: bytes) -> None:
    try:
        with open(path, "rb") as handle:
            if handle.read() == data:
                return
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    with ReplaceOnClose(path, encoding=None) as handle:
        handle.write(data)


def write_math_font(pelican) -> None:
    """After the pages are written: the math font for what they show, when any shows math."""
    settings = pelican.settings
    output = settings["OUTPUT_PATH"]
    text = site_characters(output)
    if text == ALWAYS:
        return
    data = cut_for(text, settings.get("CACHE_PATH") or "cache")
    replace_if_changed(os.path.join(output, settings.get("THEME_STATIC_DIR", "theme"), FONT_FILE), data)
