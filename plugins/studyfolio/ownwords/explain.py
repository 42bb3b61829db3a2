"""`/// explain | $formula$`: the formula with an "In plain English" table, symbol by symbol.

    /// explain | $y = mx + b$
    $m$: how steep the line is
    $b$: where the line crosses the y-axis

    y grows by m for every step in x, starting from b.
    ///

One `$symbol$: meaning` line per symbol, then (after a blank line) an optional reading of
the whole formula. A symbol not in the formula and a line of another shape are reported."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.util import AtomicString
from pymdownx.blocks.block import Block

from ..math.extension import render as render_math
from ..math.tex import TexError
from .contract import one_of
from .state import state_of
from .symbols import letters, symbol_in, tokens

SYMBOL_LINE = re.compile(r"^(?:[-*]\s+)?\$(?P<tex>(?:\\.|[^$\\])+)\$\s*:\s*(?P<meaning>.*?)\s*$")
LONG_FORMULA = 18  # MathML tokens; longer formulas go above their table, not beside it
SHAPE_HINT = "write one symbol a line as `$m$: what it means`, then a blank line and the reading"


def formula_tex(argument: str) -> str:
    """`$y = mx + b$` (or `$$...$$`, or bare TeX) as the TeX inside."""
    text = argument.strip()
    for mark in ("$$", "$"):
        if len(text) > 2 * len(mark) and text.startswith(mark) and text.endswith(mark):
            return text[len(mark) : -len(mark)].strip()
    return text


class ExplainBlock(Block):
    """A formula and what each of its symbols means, in the learner's words."""

    NAME = "explain"
    ARGUMENT = True
    OPTIONS = {"layout": ("auto", one_of("auto", "beside", "below"))}
    USAGE = "`/// explain | $y = mx + b$` with options `layout: auto|beside|below`"

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent):
        self.line = state_of(self.md).sites.claim(self.NAME, self.argument)
        layout = self.options["layout"]
        return etree.SubElement(parent, "figure", {"class": f"explain explain-{layout}"})

    def on_end(self, block) -> None:
        raw = str(block.text or "")
        block.text = None
        note = state_of(self.md).note
        tex = formula_tex(self.argument)
        source = f"${tex}$"
        formula = etree.SubElement(block, "div", {"class": "explain-formula"})
        holder = etree.SubElement(formula, "p")
        holder.text = self.md.htmlStash.store(
            render_math(self.md, tex, display=True, source=source, locate=self.argument)
        )
        try:
            formula_tokens = tokens(tex)
        except TexError:
            formula_tokens = None  # already reported by the math renderer
        if self.options["layout"] == "auto" and formula_tokens and len(formula_tokens) > LONG_FORMULA:
            block.set("class", "explain explain-below")  # too wide to share a row with the table

        symbols_text, _, reading = raw.strip("\n").partition("\n\n")
        caption = etree.SubElement(block, "figcaption", {"class": "explain-plain"})
        table = etree.SubElement(caption, "table", {"class": "explain-table"})
        etree.SubElement(table, "caption").text = "In plain English"
        head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
        etree.SubElement(head, "th", {"scope": "col"}).text = "Symbol"
        etree.SubElement(head, "th", {"scope": "col"}).text = "Means"
        body = etree.SubElement(table, "tbody")
        seen: set[str] = set()
        for text in (line.strip() for line in symbols_text.splitlines()):
            if not text:
                continue
            line = note.line_of(text, self.line or 1)
            match = SYMBOL_LINE.match(text)
            if not match or not match.group("meaning"):
                what = "has no meaning after ':'" if match else "is not `$symbol$: meaning`"
                note.error(line, f"malformed line in explain block: '{text}' {what}", SHAPE_HINT)
                row = etree.SubElement(body, "tr", {"class": "explain-problem"})
                cell = etree.SubElement(row, "td", {"colspan": "2"})
                etree.SubElement(cell, "code").text = AtomicString(text)
                continue
            symbol = match.group("tex").strip()
            row = etree.SubElement(body, "tr")
            if symbol in seen:
                note.error(line, f"symbol ${symbol}$ is explained twice in this explain block",
                           "keep one line per symbol")
                row.set("class", "explain-problem")
            seen.add(symbol)
            self.check_symbol(note, line, symbol, formula_tokens, tex, row)
            etree.SubElement(row, "th", {"scope": "row"}).text = f"${symbol}$"
            etree.SubElement(row, "td").text = match.group("meaning")
        if not seen:
            note.error(self.line, f"explain block for ${tex}$ lists no symbols", SHAPE_HINT)
        for paragraph in (p.strip() for p in reading.split("\n\n")):
            if paragraph:
                reading_p = etree.SubElement(caption, "p", {"class": "explain-reading"})
                label = etree.SubElement(reading_p, "span", {"class": "explain-reading-label"})
                label.text = "In words:"
                label.tail = " " + paragraph

    def check_symbol(self, note, line, symbol, formula_tokens, tex, row) -> None:
        if formula_tokens is None:
            return
        try:
            found = symbol_in(formula_tokens, tokens(symbol))
        except TexError:
            return  # the inline math renderer reports it with the cell
        if not found:
            known = ", ".join(letters(formula_tokens))
            note.error(line, f"symbol ${symbol}$ is not in the formula ${tex}$",
                       f"list only symbols of the formula; its letters are {known}")
            row.set("class", "explain-problem")
