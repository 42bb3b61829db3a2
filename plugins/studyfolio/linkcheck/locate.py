"""Map output pages back to the notes they were made from, and find a link's line in a note."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from ..core.report import content_of
from ..core.source import site_relative

MAP_VERSION = 1


def site_root(content_path: str) -> str:
    """The folder that holds content/: report paths are relative to it."""
    return os.path.dirname(os.path.abspath(content_path))


def display_path(path: str, root: str) -> str:
    """`path` relative to the site root when it lies inside it, else absolute."""
    relative = os.path.relpath(os.path.abspath(path), root)
    return os.path.abspath(path) if relative.startswith("..") else relative


END = r"(?=[\s)\]>\"']|$)"  # a link ends at a space, bracket, quote or the end of the line


def url_forms(url: str, text: str) -> list[re.Pattern]:
    """Patterns to look for in Markdown, most specific first: the link as written (whole, not
    as the prefix of a longer one), then `[its text]`."""
    forms = []
    for value in dict.fromkeys([url, unquote(url)]):
        if value:
            escaped = re.escape(value)
            forms += [re.compile(rf"\]\({escaped}{END}"), re.compile(rf"<{escaped}>"),
                      re.compile(rf"[\"']{escaped}[\"']"), re.compile(rf"\]:\s*{escaped}{END}")]
            if len(value) >= 4 or "/" in value.strip("/"):
                forms.append(re.compile(rf"(?<![\w/.#-]){escaped}{END}"))
    text = " ".join(text.split())
    if text:  # the bare text would also match menus and prose
        forms.append(re.compile(r"\[" + r"\s+".join(map(re.escape, text.split())) + r"\]"))
    return forms


@dataclass
class SourceMap:
    """Output file (site-relative, as Pelican's `save_as`) -> source file (relative to `root`)."""

    root: str
    pages: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def from_generators(cls, generators, content_path: str) -> SourceMap:
        """Read every article, page, draft and translation the generators hold."""
        pages = {}
        for content in content_of(generators):
            save_as = getattr(content, "save_as", "")
            source = getattr(content, "source_path", "")
            if save_as and source:
                pages[save_as.replace(os.sep, "/")] = site_relative(source, content_path)
        return cls(root=site_root(content_path), pages=dict(sorted(pages.items())))

    def save(self, file: str, output: str) -> None:
        """Write the map for `studyfolio linkcheck`, which runs after the build."""
        os.makedirs(os.path.dirname(file), exist_ok=True)
        data = {"version": MAP_VERSION, "root": self.root, "output": os.path.abspath(output),
                "pages": self.pages}
        with open(file, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1, sort_keys=True)

    @classmethod
    def load(cls, file: str, output: str, fallback_root: str) -> SourceMap:
        """The map a build of `output` saved, or an empty one (links reported on output files)."""
        try:
            with open(file, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return cls(root=fallback_root)
        same = data.get("output") == os.path.abspath(output)
        if data.get("version") != MAP_VERSION or not same:
            return cls(root=fallback_root)
        return cls(root=data["root"], pages=dict(data["pages"]))

    def source_text(self, source: str) -> str:
        if source not in self.texts:
            try:
                with open(os.path.join(self.root, source), encoding="utf-8") as handle:
                    self.texts[source] = handle.read()
            except (OSError, UnicodeDecodeError):
                self.texts[source] = ""
        return self.texts[source]

    def locate(self, page: str, url: str, text: str = "") -> tuple[str, int] | None:
        """(source path, line) of a link on output `page`, when its note has it written."""
        source = self.pages.get(page)
        if source is None:
            return None
        body = self.source_text(source)
        if url and url not in body and unquote(url) not in body:
            url = ""  # the patterns below cannot match: skip them
        for form in url_forms(url, text):
            found = form.search(body)
            if found:
                return source, body.count("\n", 0, found.start()) + 1
        return None
