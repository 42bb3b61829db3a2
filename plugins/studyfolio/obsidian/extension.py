"""Python-Markdown extension: Obsidian's syntax in vault notes (see core/vault.py).

- `#tag` and `#nested/tag` are tags (links to their tag page), never headings: a heading needs
  a space after its `#`s, as in Obsidian;
- `==text==` is highlighted (`<mark>`);
- callouts `> [!note] Title` become admonitions; `> [!tip]-` is folded, `> [!tip]+` open;
- `^block-id` at the end of a paragraph or list item is that block's anchor, never text;
- a `dataview` query is shown as code, with one warning a note.

Every rule applies only to vault notes (the reader sets `md.studyfolio_vault`); `%%comments%%`
and the front matter are removed by the reader, before any plugin reads the text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.blockprocessors import HashHeaderProcessor
from markdown.inlinepatterns import InlineProcessor, SimpleTagInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from unidecode import unidecode

from ..core.diagnostics import did_you_mean
from ..core.source import note_of
from ..core.sourcemap import LIST_ITEM, SourceMap

TAG = r"(?<![\w&#/\\`])#(?P<tag>[\w/-]*[^\W\d][\w/-]*)"
HIGHLIGHT = r"(?<![=\\])(==)(?![=\s])(.+?)(?<![=\s])=="
BLOCK_ID = re.compile(r"\s+\^(?P<id>[A-Za-z0-9-]+)\s*$")
CALLOUT = re.compile(r"^\[!(?P<type>[^\]\s]+)\](?P<fold>[-+]?)[ \t]*(?P<title>[^\n]*)(?:\n|$)")
# Obsidian's callout types and their aliases.
CALLOUTS = {
    "note": "note", "abstract": "abstract", "summary": "abstract", "tldr": "abstract",
    "info": "info", "todo": "todo", "tip": "tip", "hint": "tip", "important": "tip",
    "success": "success", "check": "success", "done": "success", "question": "question",
    "help": "question", "faq": "question", "warning": "warning", "caution": "warning",
    "attention": "warning", "failure": "failure", "fail": "failure", "missing": "failure",
    "danger": "danger", "error": "danger", "bug": "bug", "example": "example",
    "quote": "quote", "cite": "quote",
}
DATAVIEW = {"dataview", "dataviewjs"}


def in_vault(md) -> bool:
    return bool(getattr(md, "studyfolio_vault", False))


class ListsInterrupt(Preprocessor):
    """A list may start right under a paragraph line, as in Obsidian (Markdown wants a blank
    line first): a blank line is put before such a list, outside code. Runs after the card
    scanner, so a card's answer still ends at its first blank line."""

    def run(self, lines: list[str]) -> list[str]:
        if not in_vault(self.md):
            return lines
        code = SourceMap("\n".join(lines)).code_lines
        out: list[str] = []
        for number, line in enumerate(lines, 1):
            previous = out[-1] if out else ""
            if (LIST_ITEM.match(line) and previous.strip() and not LIST_ITEM.match(previous)
                    and not previous.startswith((" ", "\t", ">", "|", "/")) and number not in code
                    and number - 1 not in code):
                out.append("")
            out.append(line)
        return out


class VaultHeadings(HashHeaderProcessor):
    """`# Heading` is a heading; `#tag` at the start of a line is not (in vault notes)."""

    def test(self, parent, block) -> bool:
        match = self.RE.search(block)
        if not match:
            return False
        return not in_vault(self.parser.md) or not match.group("header") or match.group("header")[0] in " \t"


class TagLinks(InlineProcessor):
    def handleMatch(self, m, data):
        if not in_vault(self.md):
            return None, None, None
        # ASCII, as Pelican folds a tag into its page's slug: an accent would reach Pelican's
        # {tag} link percent-encoded and miss the page (`#algèbre` is tags/algebre/).
        tag = unidecode(m.group("tag").strip("/"))
        link = etree.Element("a", {"class": "tag obsidian-tag", "href": "{tag}" + tag})
        link.text = "#" + m.group("tag")
        return link, m.start(0), m.end(0)


class Highlight(SimpleTagInlineProcessor):
    def handleMatch(self, m, data):
        if not in_vault(self.md):
            return None, None, None
        return super().handleMatch(m, data)


class VaultBlocks(Treeprocessor):
    """Callouts into admonitions, block ids into anchors, one warning for dataview queries."""

    def run(self, root) -> None:
        if not in_vault(self.md):
            return
        note = note_of(self.md)
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "blockquote":
                    self.callout(parent, index, child, note)
        for element in root.iter():
            if element.tag in ("p", "li"):
                self.block_id(element)
        queries = [fence for fence in note.map.fences if fence.info.split()[:1] and
                   fence.info.split()[0].lstrip(".{").rstrip("}").lower() in DATAVIEW]
        if queries:
            note.warning(queries[0].start, f"{len(queries)} dataview quer{'y is' if len(queries) == 1 else 'ies are'}"
                         " shown as code: queries are not run when the site is built",
                         "write the list the query gives as text, or leave it as code")

    def callout(self, parent, index: int, quote, note) -> None:
        """A quote whose first paragraph starts `[!type]` becomes that callout; Markdown joins
        quotes split by a blank line, so each later paragraph starting `[!type]` starts the
        next callout, as in Obsidian."""
        starts = [n for n, child in enumerate(quote) if child.tag == "p" and CALLOUT.match(child.text or "")]
        if not starts or starts[0] != 0:
            return
        boxes = []
        for first, end in zip(starts, [*starts[1:], len(quote)], strict=True):
            boxes.append(self.box(list(quote)[first:end], note))
        boxes[-1].tail = quote.tail
        parent.remove(quote)
        for offset, box in enumerate(boxes):
            parent.insert(index + offset, box)

    def box(self, children: list, note):
        head = children[0]
        match = CALLOUT.match(head.text)
        written = match.group("type").lower()
        kind = CALLOUTS.get(written)
        if kind is None:
            note.warning(note.line_of(f"[!{match.group('type')}]"), f"unknown callout type '{written}';"
                         " it is shown as a note", did_you_mean(written, sorted(CALLOUTS)) or
                         "use one of " + ", ".join(sorted(set(CALLOUTS.values()))))
            kind = "note"
        fold = match.group("fold")
        box = etree.Element("details" if fold else "div", {"class": f"admonition callout {kind}"})
        if fold == "+":
            box.set("open", "")
        title = etree.SubElement(box, "summary" if fold else "p", {"class": "admonition-title"})
        title.text = match.group("title").strip() or written.capitalize()
        head.text = head.text[match.end():]
        for child in children:
            if child is not head or head.text.strip() or len(head):
                box.append(child)
        return box

    @staticmethod
    def block_id(element) -> None:
        """`text ^id` at the end of the block: the id on the element, the marker dropped."""
        last = element[-1] if len(element) else None
        text = (last.tail if last is not None else element.text) or ""
        match = BLOCK_ID.search(text)
        if not match:
            return
        cut = text[: match.start()]
        if last is not None:
            last.tail = cut
        else:
            element.text = cut
        element.set("id", "^" + match.group("id"))


class ObsidianExtension(Extension):
    def extendMarkdown(self, md):
        md.parser.blockprocessors.register(VaultHeadings(md.parser), "hashheader", 70)
        md.preprocessors.register(ListsInterrupt(md), "studyfolio-obsidian-lists", 29)
        # Below code spans (190) and math (185); above emphasis (50), so `==x==` is one mark.
        md.inlinePatterns.register(TagLinks(TAG, md), "studyfolio-obsidian-tag", 175)
        md.inlinePatterns.register(Highlight(HIGHLIGHT, "mark"), "studyfolio-obsidian-mark", 65)
        md.inlinePatterns["studyfolio-obsidian-mark"].md = md
        md.treeprocessors.register(VaultBlocks(md), "studyfolio-obsidian-blocks", 25)


def makeExtension(**kwargs):
    return ObsidianExtension(**kwargs)
