"""Link-preview images (1200x630 PNG) for notes and the site, drawn with Pillow at build time.

A card shows the note's area and level, its title (wrapped, never overflowing), its reading
time and cards, and the site's name. Images are kept in a cache folder under the hash of
everything drawn, so an unchanged note costs a file copy on the next build."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass

import font_lato
from PIL import Image, ImageDraw, ImageFont

from ..core.atomic import ReplaceOnClose

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
DESIGN = "1"  # bump when the drawing changes, so cached images are drawn again
COLOURS = {
    "background": (23, 32, 56), "band": (52, 98, 224), "text": (246, 247, 250),
    "muted": (176, 186, 210), "accent": (130, 170, 255),
}
TITLE_SIZES = (72, 62, 54, 46)  # the largest size at which the title fits in MAX_LINES
MAX_LINES = 3


@dataclass(frozen=True)
class PreviewCard:
    """What one preview image shows."""

    title: str
    eyebrow: str  # "LINEAR ALGEBRA · INTERMEDIATE"
    facts: str  # "6 min read · 8 cards"
    site: str

    def key(self) -> str:
        text = json.dumps({"design": DESIGN, **asdict(self)}, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    name = {"bold": "Lato-Bold.ttf", "regular": "Lato-Regular.ttf", "black": "Lato-Black.ttf"}[weight]
    return ImageFont.truetype(os.path.join(font_lato.font_directory, name), size)


def pieces(word: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """`word`, cut with hyphens where it is wider than a line."""
    found = []
    while face.getlength(word) > width and len(word) > 1:
        cut = max([i for i in range(1, len(word)) if face.getlength(word[:i] + "-") <= width] or [1])
        found.append(word[:cut] + "-")
        word = word[cut:]
    return [*found, word]


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """`text` in lines no wider than `width` pixels."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        for piece in pieces(word, face, width):
            trial = f"{current} {piece}".strip()
            if face.getlength(trial) <= width:
                current = trial
            else:
                lines.append(current)
                current = piece
    if current:
        lines.append(current)
    return lines


def fit_title(text: str, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The title's font and lines: the largest size that fits MAX_LINES, else the smallest
    size with the last line ending in an ellipsis."""
    for size in TITLE_SIZES:
        face = font("black", size)
        lines = wrap(text, face, width)
        if len(lines) <= MAX_LINES:
            return face, lines
    lines = lines[:MAX_LINES]
    last = lines[-1]
    while last and face.getlength(last + "…") > width:
        last = last[:-1].rstrip()
    lines[-1] = last.rstrip(" ,;:.") + "…"
    return face, lines


def draw(card: PreviewCard) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), COLOURS["background"])
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 18, HEIGHT), fill=COLOURS["band"])
    text_width = WIDTH - 2 * MARGIN
    y = MARGIN
    if card.eyebrow:
        pen.text((MARGIN, y), card.eyebrow.upper(), font=font("bold", 28), fill=COLOURS["accent"])
        y += 64
    face, lines = fit_title(card.title, text_width)
    line_height = round(face.size * 1.18)
    for line in lines:
        pen.text((MARGIN, y), line, font=face, fill=COLOURS["text"])
        y += line_height
    bottom = HEIGHT - MARGIN
    mark = 56
    pen.rounded_rectangle((MARGIN, bottom - mark, MARGIN + mark, bottom), radius=12, fill=COLOURS["band"])
    pen.text((MARGIN + mark / 2, bottom - mark / 2), "∑", font=font("bold", 38), fill=COLOURS["text"], anchor="mm")
    pen.text((MARGIN + mark + 20, bottom - mark / 2), card.site, font=font("bold", 32), fill=COLOURS["text"], anchor="lm")
    if card.facts:
        pen.text((WIDTH - MARGIN, bottom - mark / 2), card.facts, font=font("regular", 30),
                 fill=COLOURS["muted"], anchor="rm")
    return image


class PreviewStore:
    """Preview images by content hash in `cache_dir`; `place()` puts one at its output path."""

    def __init__(self, cache_dir: str):
        self.cache_dir = cache_dir
        self.drawn = 0  # images drawn by this store (the rest came from the cache)

    def cached(self, card: PreviewCard) -> str:
        path = os.path.join(self.cache_dir, f"{card.key()}.png")
        if not os.path.exists(path):
            os.makedirs(self.cache_dir, exist_ok=True)
            with ReplaceOnClose(path, encoding=None) as handle:
                draw(card).save(handle, format="PNG", optimize=True)
            self.drawn += 1
        return path

    def place(self, card: PreviewCard, output_path: str) -> None:
        source = self.cached(card)
        if os.path.exists(output_path) and os.path.getsize(output_path) == os.path.getsize(source):
            with open(source, "rb") as one, open(output_path, "rb") as other:
                if one.read() == other.read():
                    return
        os.makedirs(os.path.dirname(output_path), exist_ok=True)
        shutil.copyfile(source, output_path)
