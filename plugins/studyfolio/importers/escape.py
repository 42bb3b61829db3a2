"""Text taken from a page, written into a note so that it renders as that text and nothing else:
no HTML, no links, no emphasis, no math, no card syntax, no attribute lists.

Python-Markdown turns a backslash before one of its escapable characters into that character;
`<` and `&` become entities only where they could start a tag or an entity, so ordinary text
("x < y", "Q&A") stays readable in the source the learner edits."""

from __future__ import annotations

import re

# Characters Python-Markdown un-escapes after a backslash that would otherwise be markup here
# (`$` is the math plugin's own escape).
ESCAPED = re.compile(r"([\\`*_{}\[\]$])")
TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
ENTITY_START = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# Markers that mean something at the start of a line: headings, quotes, lists, tables, fences,
# definition lists, block headers (`///`), horizontal rules.
LINE_START = re.compile(r"^([#>+\-=:|~/])")
ORDERED = re.compile(r"^(\d+)([.)])(\s)")
ENTITY_OF = {"#": "&#35;", ">": "&gt;", "+": "&#43;", "-": "&#45;", "=": "&#61;", ":": "&#58;",
             "|": "&#124;", "~": "&#126;", "/": "&#47;"}


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def markdown_text(text: str) -> str:
    """`text` on one line, escaped so that Markdown shows it as written."""
    text = one_line(text)
    text = ENTITY_START.sub("&amp;", text)
    text = TAG_START.sub("&lt;", text)
    text = ESCAPED.sub(r"\\\1", text)
    text = ORDERED.sub(r"\1\\\2\3", text)
    return LINE_START.sub(lambda m: ENTITY_OF[m.group(1)], text)


def comment_text(text: str) -> str:
    """`text` on one line, safe inside `<!-- ... -->`: no `--` can close the comment early."""
    text = one_line(text)
    while "--" in text:
        text = text.replace("--", "- -")
    return text.rstrip("-")
