"""A note's source read once into a typed map with line numbers: every plugin asks this map
where the metadata ends, what is code, where blocks and math start and end.

The rules are those of the parsers that turn the note into HTML, so a plugin that asks the map
sees the note as the build does:
- metadata as Python-Markdown's Meta extension reads it (an optional `---` line, `Key: value`
  lines with indented continuations, up to a blank line or a `---`/`...` line);
- fenced code as the fenced_code extension reads it (a fence at the start of a line, closed by
  the same fence, and only when it is closed); indented code after a blank line, outside lists;
- `///` blocks as pymdown-extensions' Blocks reads them (a header indented 0-3 spaces, in a
  quote or list item too; closed by a line of as many slashes), with their nesting;
- code spans, math (the math extension's delimiters) and `[[wikilinks]]` in prose.

Line numbers are 1-based, columns 1-based; `lines` are the note's lines as Markdown sees them
(line ends normalised, tabs expanded to 4 columns)."""

from __future__ import annotations

import bisect
import functools
import re
import textwrap
from dataclasses import dataclass, field

TAB_LENGTH = 4
# Python-Markdown's Meta extension.
META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)")
META_BEGIN = re.compile(r"^-{3}(\s.*)?")
META_END = re.compile(r"^(-{3}|\.{3})(\s.*)?")
# Python-Markdown's fenced_code: the opening line, and its closer (the same fence, spaces after).
FENCE_OPEN = re.compile(r"^(?P<fence>~{3,}|`{3,})[ ]*(\{[^\n]*\}|\.?[\w#.+-]*[ ]*(hl_lines=(\"|').*?\4[ ]*)?)$")
# pymdown-extensions' Blocks, on a line whose quote marks and list indentation are removed.
QUOTE_MARKS = re.compile(r"^(?:[ ]{0,3}>[ ]?)+")
BLOCK_HEADER = re.compile(r"^(?P<indent>[ ]*)(?P<slashes>/{3,})[ ]*(?P<name>[\w-]+)[ ]*(?:\|[ ]*(?P<argument>.*?)[ ]*)?$")
BLOCK_CLOSER = re.compile(r"^(?P<indent>[ ]*)(?P<slashes>/{3,})[ ]*$")
LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
CODE_SPAN = re.compile(r"(?<!\\)(`+)(?!`)(?P<code>.+?)(?<!`)\1(?!`)", re.DOTALL)
# The math extension's inline forms (plugins/studyfolio/math/extension.py) and display openers.
INLINE_MATH = re.compile(
    r"(?<!\\)\$\$(?P<display>.+?)\$\$"
    r"|\\\((?P<paren>.+?)\\\)"
    r"|(?<![\\$\w])\$(?![\s$])(?P<dollar>(?:\\.|[^\\$\n])+?)(?<![\s\\])\$(?![\w$])",
    re.DOTALL,
)
DISPLAY_OPEN = {"$$": "$$", "\\[": "\\]"}
# The environments MathJax renders outside any delimiters, starred or not (the math extension's).
ENVIRONMENT = re.compile(r"\\begin\{(?P<name>(?:equation|align|gather|multline|eqnarray|flalign|alignat)\*?)\}")
MATH_CLOSER = {"$$": "$$", "\\(": "\\)", "$": "$"}
MAX_DISPLAY_PARAGRAPHS = 50
WIKILINK = re.compile(
    r"(?P<embed>!)?\[\[(?P<target>[^\[\]|#^\n]*)(?:#(?P<heading>[^\[\]|^\n]*))?"
    r"(?:\^(?P<block>[^\[\]|\n]*))?(?:\|(?P<alias>[^\[\]\n]*))?\]\]"
)


@dataclass(frozen=True)
class Metadata:
    """The header: `end` is the index of the first line Markdown reads as the note's body."""

    end: int
    fenced: bool  # opened by a `---` line
    keys: dict[str, list[int]]  # each key (lowercased) and the lines where it is written
    values: dict[str, list[str]]

    def line_of(self, key: str, default: int = 1) -> int:
        return self.keys.get(key.lower(), [default])[0]

    def value(self, key: str, default: str = "") -> str:
        values = self.values.get(key.lower())
        return values[0] if values else default


@dataclass(frozen=True)
class Fence:
    """A fenced code block: lines `start`..`end` (1-based, both fence lines included)."""

    start: int
    end: int
    fence: str
    info: str


@dataclass
class Block:
    """A `///` block header and where it ends (the closer's line; 0 when never closed)."""

    line: int
    name: str
    argument: str
    slashes: int
    prefix: str  # what stands before the slashes: quote marks and indentation
    quoted: bool
    indent: int  # columns of indentation after any quote marks
    quotes: int = 0  # how many quote marks (`>`) stand before it
    option_lines: tuple[int, ...] = ()
    end: int = 0
    parent: int | None = None  # index in SourceMap.blocks of the enclosing block

    @property
    def top_level(self) -> bool:
        """Outside quotes and list items: where the card scanner rewrites a card's header."""
        return not self.quoted and self.indent <= 3

    @property
    def body(self) -> tuple[int, int]:
        """First and last line of the block's content (after its options)."""
        first = (self.option_lines[-1] if self.option_lines else self.line) + 1
        return first, (self.end - 1 if self.end else 0)


@dataclass(frozen=True)
class Span:
    """A piece of prose: from line:column to end_line:end_column (1-based, end exclusive)."""

    kind: str  # "code", "math" or "display math"
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    opener: str = ""
    closer: str = ""


@dataclass(frozen=True)
class Wikilink:
    line: int
    column: int
    text: str
    target: str
    heading: str
    block: str
    alias: str
    embed: bool


def normalised(text: str) -> str:
    """The text as Markdown reads it: line ends as \\n, tabs expanded."""
    return text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(TAB_LENGTH)


def indented(line: str) -> bool:
    return line.startswith(" " * TAB_LENGTH)


@dataclass
class SourceMap:
    text: str
    lines: list[str] = field(init=False)
    metadata: Metadata = field(init=False)
    fences: list[Fence] = field(init=False, default_factory=list)
    indented_code: list[tuple[int, int]] = field(init=False, default_factory=list)
    blocks: list[Block] = field(init=False, default_factory=list)
    code_lines: set[int] = field(init=False, default_factory=set)  # in fenced or indented code
    _blocks_by_names: dict = field(init=False, default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        self.lines = normalised(self.text).split("\n")
        self.metadata = read_metadata(self.lines)
        self.fences = find_fences(self.lines, self.metadata.end)
        for fence in self.fences:
            self.code_lines.update(range(fence.start, fence.end + 1))
        self.indented_code = find_indented_code(self.lines, self.metadata.end, self.code_lines)
        for start, end in self.indented_code:
            self.code_lines.update(range(start, end + 1))
        self.blocks = self.blocks_for(None)

    def in_code(self, line: int) -> bool:
        return line in self.code_lines

    def body_lines(self):
        """(line number, text) of every line after the metadata."""
        for index in range(self.metadata.end, len(self.lines)):
            yield index + 1, self.lines[index]

    def blocks_for(self, names: frozenset[str] | None) -> list[Block]:
        """The blocks as a Markdown instance that knows the block `names` reads them (a header
        of another name is text there, so it neither opens a block nor takes a closer); every
        `///` header when `names` is None."""
        key = None if names is None else frozenset(name.lower() for name in names)
        if key not in self._blocks_by_names:
            self._blocks_by_names[key] = find_blocks(self.lines, self.metadata.end, self.code_lines, key)
        return self._blocks_by_names[key]

    def blocks_named(self, *names: str) -> list[Block]:
        wanted = {name.lower() for name in names}
        return [block for block in self.blocks if block.name in wanted]

    def options_text(self, block: Block) -> str:
        """The block's option lines as YAML: without the block's prefix, dedented."""
        taken = [self.lines[number - 1][len(block.prefix) - (block.indent if block.indent <= 3 else 0):]
                 for number in block.option_lines]
        return textwrap.dedent("\n".join(taken))

    def block_at(self, line: int) -> Block | None:
        return next((block for block in self.blocks if block.line == line), None)

    def option_line_set(self) -> set[int]:
        return {number for block in self.blocks for number in block.option_lines}

    @functools.cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """Runs of prose lines (first, last) between blank lines, code and block lines."""
        skip = self.code_lines | self.option_line_set() | {b.line for b in self.blocks}
        skip |= {b.end for b in self.blocks if b.end}
        found, start = [], None
        for number, line in self.body_lines():
            if number in skip or not line.strip():
                if start is not None:
                    found.append((start, number - 1))
                start = None
            elif start is None:
                start = number
        if start is not None:
            found.append((start, len(self.lines)))
        return found

    @functools.cached_property
    def spans(self) -> list[Span]:
        """Code spans and math in prose, in source order; math inside code spans is code. A
        display formula may run over blank lines: its closer is looked for in the next 50
        paragraphs, as the math extension does."""
        found: list[Span] = []
        paragraphs = self.paragraphs
        index = 0
        while index < len(paragraphs):
            first, last = paragraphs[index]
            text, at = self.paragraph_text(first, last)
            plain = self.mask_code(text, at, found)
            stripped = plain.lstrip()
            opener = next((o for o in DISPLAY_OPEN if stripped.startswith(o)), None)
            closer = DISPLAY_OPEN.get(opener)
            environment = ENVIRONMENT.match(stripped) if opener is None else None
            if environment:
                opener, closer = environment.group(0), f"\\end{{{environment.group('name')}}}"
            closed = self.display_end(index, opener, closer) if opener is not None else None
            if closed is not None:
                later, span, rest = closed
                found.append(span)
                found.extend(inline_math(*rest))  # text after the closer is prose again
                index = later + 1
                continue
            found.extend(inline_math(plain, at))
            index += 1
        for block in self.blocks:  # a header's argument is text too: `/// explain | $y = mx$`
            line = self.lines[block.line - 1]
            start = line.find("|", len(block.prefix)) + 1
            if block.argument and start:
                text, at = self.paragraph_text(block.line, block.line)
                found.extend(inline_math(self.mask_code(" " * start + text[start:], at, found), at))
        return sorted(found, key=lambda s: (s.line, s.column))

    def paragraph_text(self, first: int, last: int):
        """The paragraph's text and a function from an offset in it to (line, column)."""
        text = "\n".join(self.lines[first - 1:last])
        starts = [0, *(m.end() for m in re.finditer("\n", text))]

        def at(offset: int) -> tuple[int, int]:
            row = bisect.bisect_right(starts, offset) - 1
            return first + row, offset - starts[row] + 1

        return text, at

    @staticmethod
    def mask_code(text: str, at, found: list[Span]) -> str:
        """`text` with its code spans blanked; the spans added to `found`."""
        masked = list(text)
        for match in CODE_SPAN.finditer(text):
            found.append(Span("code", *at(match.start()), *at(match.end()), match.group("code"),
                              match.group(1), match.group(1)))
            masked[match.start():match.end()] = " " * (match.end() - match.start())
        return "".join(masked)

    def display_end(self, index: int, opener: str, closer: str):
        """A display formula opened in paragraph `index`, closed by the first closer after its
        opener in that paragraph, else by the first of the next 50 paragraphs that ends with
        the closer, as the math extension reads it: (the paragraph that
        closes it, its Span, (the text after the closer, blanked before it; its `at`)); None
        when it is never closed."""
        paragraphs = self.paragraphs
        first = paragraphs[index][0]
        for later in range(index, min(index + MAX_DISPLAY_PARAGRAPHS, len(paragraphs))):
            text, at = self.paragraph_text(first, paragraphs[later][1])
            lead = len(text) - len(text.lstrip())
            if later == index:
                end = find_closer(text, closer, lead + len(opener))
            else:  # over blank lines: the paragraph that ends with the closer ends it
                end = len(text.rstrip()) - len(closer) if text.rstrip().endswith(closer) else -1
            if end < 0:
                continue
            span = Span("display math", *at(lead), *at(end + len(closer)),
                        text[lead + len(opener):end], opener, closer)
            rest = " " * (end + len(closer)) + text[end + len(closer):]
            return later, span, (rest, at)
        return None

    def math(self) -> list[Span]:
        return [span for span in self.spans if span.kind != "code"]

    @functools.cached_property
    def wikilinks(self) -> list[Wikilink]:
        """`[[note]]`, `[[note#heading|alias]]`, `![[embed]]` in prose, outside code and math."""
        covered = {}
        for span in self.spans:
            for number in range(span.line, span.end_line + 1):
                first = span.column if number == span.line else 1
                last = span.end_column if number == span.end_line else 10**9
                covered.setdefault(number, []).append((first, last))
        found = []
        for first, last in self.paragraphs:
            for number in range(first, last + 1):
                for match in WIKILINK.finditer(self.lines[number - 1]):
                    column = match.start() + 1
                    if any(a <= column < b for a, b in covered.get(number, ())):
                        continue
                    found.append(Wikilink(
                        number, column, match.group(0), (match.group("target") or "").strip(),
                        (match.group("heading") or "").strip(), (match.group("block") or "").strip(),
                        (match.group("alias") or "").strip(), bool(match.group("embed")),
                    ))
        return found


def read_metadata(lines: list[str]) -> Metadata:
    """The Meta extension's reading of the header (its loop, keeping line numbers)."""
    keys: dict[str, list[int]] = {}
    values: dict[str, list[str]] = {}
    index, fenced, key = 0, False, None
    if lines and META_BEGIN.match(lines[0]):
        index, fenced = 1, True
    while index < len(lines):
        line = lines[index]
        if not line.strip() or META_END.match(line):
            return Metadata(index + 1, fenced, keys, values)
        match = META_LINE.match(line)
        if match:
            key = match.group("key").lower().strip()
            keys.setdefault(key, []).append(index + 1)
            values.setdefault(key, []).append(match.group("value").strip())
        else:
            more = META_MORE.match(line)
            if not (more and key):
                break
            values[key].append(more.group("value").strip())
        index += 1
    return Metadata(index, fenced, keys, values)


def find_fences(lines: list[str], start: int) -> list[Fence]:
    """Fenced code: a fence counts only when the same fence closes it later. The closing lines
    are indexed once, so a note of many unclosed fences is not rescanned for each of them."""
    closers: dict[str, list[int]] = {}
    for index in range(start, len(lines)):
        if lines[index][:3] in ("```", "~~~"):
            closers.setdefault(lines[index].rstrip(" "), []).append(index)
    found, index = [], start
    while index < len(lines):
        opening = FENCE_OPEN.match(lines[index]) if lines[index][:3] in ("```", "~~~") else None
        if opening:
            later = closers.get(opening.group("fence"), [])
            after = bisect.bisect_right(later, index)
            if after < len(later):
                end = later[after]
                info = lines[index][len(opening.group("fence")):].strip()
                found.append(Fence(index + 1, end + 1, opening.group("fence"), info))
                index = end + 1
                continue
        index += 1
    return found


def find_indented_code(lines: list[str], start: int, fenced: set[int]) -> list[tuple[int, int]]:
    """Indented code: a line indented four columns after a blank line, unless it continues a
    list item, and the indented or blank lines after it (trailing blank lines not included)."""
    found: list[tuple[int, int]] = []
    after_blank, in_list, code_start, code_end = True, False, None, None
    for index in range(start, len(lines)):
        number, line = index + 1, lines[index]
        if number in fenced:
            after_blank, in_list = False, False
            if code_start is not None:
                found.append((code_start, code_end))
                code_start = None
            continue
        if not line.strip():
            after_blank = True
            continue
        if code_start is not None and indented(line):
            code_end = number
            continue
        if code_start is not None:
            found.append((code_start, code_end))
            code_start = None
        if indented(line) and after_blank and not in_list:
            code_start = code_end = number
        elif not indented(line):
            in_list = bool(LIST_ITEM.match(line)) or (in_list and not after_blank)
        after_blank = False
    if code_start is not None:
        found.append((code_start, code_end))
    return found


def container_prefix(line: str) -> tuple[str, bool]:
    """The quote marks at the start of `line` (and whether there were any)."""
    quotes = QUOTE_MARKS.match(line)
    return (quotes.group(0), True) if quotes else ("", False)


def find_blocks(lines: list[str], start: int, code: set[int], names=None) -> list[Block]:
    """Every `///` header (of one of `names`) outside code, its option lines, its closer and
    its parent: a closer ends the innermost open block when it has as many slashes (the Blocks
    rule) and stands in as many quotes."""
    found: list[Block] = []
    stack: list[int] = []
    index = start
    while index < len(lines):
        number, line = index + 1, lines[index]
        index += 1
        if number in code or "///" not in line:
            continue
        prefix, quoted = container_prefix(line)
        rest = line[len(prefix):]
        closer = BLOCK_CLOSER.match(rest)
        if closer:
            top = found[stack[-1]] if stack else None
            if top and len(closer.group("slashes")) == top.slashes and prefix.count(">") == top.quotes:
                found[stack.pop()].end = number
            continue
        header = BLOCK_HEADER.match(rest)
        if not header or (names is not None and header.group("name").lower() not in names):
            continue
        indent = len(header.group("indent"))
        block = Block(number, header.group("name").lower(), header.group("argument") or "",
                      len(header.group("slashes")), prefix + header.group("indent"), quoted, indent,
                      quotes=prefix.count(">"), parent=stack[-1] if stack else None)
        options = []
        # Options are indented 4 spaces past the block's container (a quote, a list item).
        option_prefix = prefix + " " * ((indent if indent > 3 else 0) + TAB_LENGTH)
        while index < len(lines) and lines[index].startswith(option_prefix) and lines[index].strip():
            options.append(index + 1)
            index += 1
        block.option_lines = tuple(options)
        stack.append(len(found))
        found.append(block)
    return found


def find_closer(text: str, closer: str, start: int = 0) -> int:
    """Where the first `closer` of `text` at or after `start` begins (an escaped `\\$$` is
    not one), or -1: the end of a display formula, as MathJax finds it."""
    while True:
        at = text.find(closer, start)
        if at <= 0 or closer != "$$" or text[at - 1] != "\\":
            return at
        start = at + 1


def inline_math(text: str, at) -> list[Span]:
    """The math extension's inline forms in `text` (code spans already blanked)."""
    found = []
    for match in INLINE_MATH.finditer(text):
        kind = "display math" if match.group("display") is not None else "math"
        opener = "$$" if kind == "display math" else ("\\(" if match.group("paren") is not None else "$")
        tex = match.group("display") or match.group("paren") or match.group("dollar")
        found.append(Span(kind, *at(match.start()), *at(match.end()), tex, opener, MATH_CLOSER[opener]))
    return found
