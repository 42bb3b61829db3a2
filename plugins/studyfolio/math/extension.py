"""Python-Markdown extension: $...$, \\(...\\) inline and $$...$$, \\[...\\] display math as MathML.

Runs before backslash escapes and after code spans, so math inside code stays code. Invalid
TeX is reported at the note's line and shown as a marked error, never as half-rendered math."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.blockprocessors import BlockProcessor
from markdown.inlinepatterns import InlineProcessor

from ..core.source import note_of
from ..core.sourcemap import ENVIRONMENT, find_closer
from .tex import TexError, tex_to_mathml

# One pattern for the three inline forms: every extra inline pattern costs on every text node.
INLINE_MATH = (
    r"(?<!\\)\$\$(?P<display>.+?)\$\$"
    r"|\\\((?P<paren>.+?)\\\)"
    r"|(?<![\\$\w])\$(?![\s$])(?P<dollar>(?:\\.|[^\\$\n])+?)(?<![\s\\])\$(?![\w$])"
)
DISPLAY_OPEN = {"$$": "$$", "\\[": "\\]"}


TAG = re.compile(r"\\tag(?P<star>\*?)\s*\{(?P<label>[^{}]*)\}")


def split_tag(tex: str) -> tuple[str, str]:
    """(the formula without its `\\tag{3}`, the label shown at its right: `(3)`; `3` for
    `\\tag*{3}`), or (tex, "") for a formula with no tag."""
    match = TAG.search(tex)
    if match is None:
        return tex, ""
    label = match.group("label").strip()
    return tex[:match.start()] + tex[match.end():], label if match.group("star") else f"({label})"


def render(md, tex: str, *, display: bool, source: str, locate: str = "") -> str:
    """MathML for `tex`, or a visible error box (and a report) when the TeX is invalid. A
    display formula's `\\tag` is its number, at the right of the line, as MathJax sets it."""
    tex, tag = split_tag(tex) if display else (tex, "")
    try:
        markup = tex_to_mathml(tex, display=display)
    except TexError as error:
        note = note_of(md)
        note.error(
            note.line_of(locate or source),
            f"invalid TeX in {source}: {error}",
            "check the braces and command names; math is rendered at build time",
        )
        tag = "pre" if display else "code"
        reason = html.escape(f"invalid TeX: {error}")
        return f'<{tag} class="math-error" title="{reason}">{html.escape(source)}</{tag}>'
    if display and tag:
        return f'<div class="math-display math-tagged">{markup}<span class="math-tag">{html.escape(tag)}</span></div>'
    if display:
        return f'<div class="math-display">{markup}</div>'
    return markup


MAX_DISPLAY_BLOCKS = 50


class InlineMath(InlineProcessor):
    """`$$x$$` inside a paragraph (display), `\\(x\\)` and `$x$` (inline)."""

    def handleMatch(self, m, data):
        display = m.group("display") is not None
        tex = m.group("display") if display else m.group("paren") or m.group("dollar")
        html = render(self.md, tex, display=display, source=m.group(0))
        return self.md.htmlStash.store(html), m.start(0), m.end(0)


class DisplayMath(BlockProcessor):
    """A paragraph that starts with $$ or \\[: the formula runs to the first closer ($$ or \\])
    after it in that paragraph, as MathJax reads it, and text after the closer (on its line or
    the lines below) goes on as a paragraph of its own, so a `$$` block with text right under
    it never runs on to a later `$$`. A formula with blank lines in it ends with the first
    later paragraph that ends with the closer.

    The closer is looked for in the next MAX_DISPLAY_BLOCKS paragraphs only: a formula is never
    that long, and a note of many unclosed `$$` would otherwise be rescanned to its end for
    each one."""

    def test(self, parent, block):
        start = block.lstrip()
        return start.startswith(tuple(DISPLAY_OPEN)) or bool(ENVIRONMENT.match(start))

    def run(self, parent, blocks):
        first = blocks[0].lstrip()
        environment = ENVIRONMENT.match(first)
        if environment:  # an AMS environment outside any delimiters, as MathJax reads it
            opener, closer = environment.group(0), f"\\end{{{environment.group('name')}}}"
        else:
            opener = "$$" if first.startswith("$$") else "\\["
            closer = DISPLAY_OPEN[opener]
        collected = []
        for index, block in enumerate(blocks[:MAX_DISPLAY_BLOCKS]):
            body = first[len(opener):] if index == 0 else block
            # In its first paragraph a formula ends at the first closer; one that runs over
            # blank lines ends with the paragraph that ends with the closer.
            at = find_closer(body, closer) if index == 0 else (
                len(body.rstrip()) - len(closer) if body.rstrip().endswith(closer) else -1)
            if at < 0:
                collected.append(body.strip())
                continue
            collected.append(body[:at].strip())
            rest = body[at + len(closer):].strip()
            del blocks[: index + 1]
            if rest:
                blocks.insert(0, rest)
            tex = "\n\n".join(part for part in collected if part) if len(collected) > 1 else collected[0]
            source = f"{opener}{' '.join(tex.split())}{closer}"
            if environment:
                tex = f"{opener}{tex}{closer}"
            html = render(self.parser.md, tex, display=True, source=source, locate=first)
            holder = etree.SubElement(parent, "p")
            holder.text = self.parser.md.htmlStash.store(html)
            return True
        note = note_of(self.parser.md)
        note.error(
            note.line_of(first.split("\n")[0]),
            f"display math opened with {opener} is never closed",
            f"end the formula with {closer}",
        )
        return False


class MathExtension(Extension):
    def extendMarkdown(self, md):
        md.ESCAPED_CHARS = [*md.ESCAPED_CHARS, "$"]
        md.parser.blockprocessors.register(DisplayMath(md.parser), "studyfolio-math-display", 75)
        md.inlinePatterns.register(InlineMath(INLINE_MATH, md), "studyfolio-math", 185)


def makeExtension(**kwargs):
    return MathExtension(**kwargs)
