"""Python-Markdown extension: `[[target]]`, `[[target|text]]`, `[[target#heading]]` wikilinks.

A note cannot know every other note while it is being read, so a wikilink becomes a
placeholder `<a class="wikilink" data-wikilink=...>` carrying the target, the heading, the
shown text and the source line. resolve.py turns it into a real link once all notes are read.
Inside a table, write the pipe as `\\|`: `[[svd\\|the SVD]]`."""

from __future__ import annotations

import os
import xml.etree.ElementTree as etree
from collections import Counter

from markdown import Extension
from markdown.inlinepatterns import InlineProcessor

from ..core.diagnostics import did_you_mean
from ..core.source import note_of
from ..core.vault import ATTACHMENT_TYPES, attachment_index

# Above `escape` (180) so `\\|` inside a table cell still separates the shown text;
# below code spans (190) and math (185-187), so `[[x]]` in code or TeX stays as written.
PRIORITY = 182
WIKILINK_RE = r"(?<!\\)(!?)\[\[([^\[\]\n]*)\]\]"

TARGET = "data-wikilink"
HEADING = "data-wikilink-heading"
LINE = "data-wikilink-line"
SOURCE = "data-wikilink-source"
AUTO_TEXT = "data-wikilink-auto"
EMBED = "data-wikilink-embed"


def split_wikilink(inner: str) -> tuple[str, str, str | None]:
    """`target#heading|text` as (target, heading, text or None); whitespace trimmed."""
    inner = inner.replace("\\|", "|")
    target, bar, text = inner.partition("|")
    target, _, heading = target.partition("#")
    if "^" in target and not heading:  # `note^block-id`: the block's anchor
        target, _, block = target.partition("^")
        heading = "^" + block.strip()
    shown = text.strip() if bar else None
    return target.strip(), heading.strip(), shown or None


class WikilinkProcessor(InlineProcessor):
    """Turns each `[[...]]` into a placeholder link; counts repeats to find each one's line."""

    def __init__(self, pattern: str, md):
        super().__init__(pattern, md)
        self.seen: Counter[str] = Counter()
        self.attachments: dict[str, dict[str, str]] = {}  # by content folder, for one build

    def reset(self) -> None:
        self.seen.clear()

    def line_of(self, raw: str) -> int:
        """The line of this occurrence of `raw`: the n-th time it is seen, its n-th place."""
        note = note_of(self.md)
        self.seen[raw] += 1
        line, start = 1, 0
        for _ in range(self.seen[raw]):
            found = note.text.find(raw, start)
            if found < 0:
                break
            line, start = note.text.count("\n", 0, found) + 1, found + len(raw)
        return line

    def handleMatch(self, m, data):
        raw = m.group(0).lstrip("!")
        line = self.line_of(raw)
        note = note_of(self.md)
        target, heading, text = split_wikilink(m.group(2))
        if not target and not heading:
            note.error(line, f"empty wikilink {raw}", "write [[note title]] or [[slug|shown text]]")
            return raw, m.start(0), m.end(0)
        if m.group(1) and os.path.splitext(target)[1].lower() in ATTACHMENT_TYPES:
            return self.attachment(note, line, raw, target, text), m.start(0), m.end(0)
        link = etree.Element("a")
        if m.group(1):  # a note embedded: transclusion.py shows it in place once notes are known
            link.set(EMBED, "")
        link.set("class", "wikilink")
        link.set(TARGET, target)
        if heading:
            link.set(HEADING, heading)
        link.set(LINE, str(line))
        link.set(SOURCE, raw)
        if text is None:
            link.set(AUTO_TEXT, "")
            text = f"{target} › {heading}" if target and heading else (target or heading)
        link.text = text
        return link, m.start(0), m.end(0)


    def attachment(self, note, line: int, raw: str, name: str, shown: str | None):
        """`![[plot.png]]`, `![[plot.png|300]]` (a width) or `![[plot.png|a caption]]`: the
        file found anywhere in the content folder, by name or path, as Obsidian finds it."""
        if note.content_path not in self.attachments:
            self.attachments[note.content_path] = attachment_index(note.content_path)
        found = self.attachments[note.content_path]
        relative = found.get(name.casefold()) or found.get(name.rsplit("/", 1)[-1].casefold())
        if relative is None:
            names = sorted({value.rsplit("/", 1)[-1] for value in found.values()})
            note.error(line, f"embedded file not found: !{raw}", did_you_mean(name, names)
                       or "put the file in the content folder (any subfolder), or fix its name")
            missing = etree.Element("span", {"class": "wikilink-missing"})
            missing.text = "!" + raw
            return missing
        if relative.lower().endswith(".pdf"):
            link = etree.Element("a", {"href": "{static}/" + relative})
            link.text = shown or name
            return link
        image = etree.Element("img", {"src": "{static}/" + relative, "alt": name.rsplit("/", 1)[-1]})
        size = (shown or "").split("x")
        if shown and all(part.isdigit() for part in size):
            image.set("width", size[0])
            if len(size) > 1:
                image.set("height", size[1])
        elif shown:
            image.set("alt", shown)
        return image


class WikilinkExtension(Extension):
    def extendMarkdown(self, md):
        self.processor = WikilinkProcessor(WIKILINK_RE, md)
        md.inlinePatterns.register(self.processor, "studyfolio-wikilink", PRIORITY)
        md.registerExtension(self)

    def reset(self) -> None:
        self.processor.reset()


def makeExtension(**kwargs):
    return WikilinkExtension(**kwargs)
