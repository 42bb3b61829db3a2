"""The registry of learning resources, `content/resources.yml`: read, validated, looked up.

Every schema problem (unknown keys, unknown kinds, duplicate ids, malformed URLs) is collected
with its line, all at once; `url` is optional (a book on the shelf has none). Entries with problems are kept when they have an id,
so links to them still resolve while the learner fixes the file."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import yaml

from ..core.diagnostics import Diagnostic, did_you_mean
from . import yamlnodes as Y

KINDS = ("book", "course", "video", "channel", "article", "tool", "service", "paper")
KIND_LABELS = {
    "book": "Books",
    "course": "Courses",
    "video": "Videos",
    "channel": "Channels",
    "article": "Articles",
    "tool": "Tools",
    "service": "Services",
    "paper": "Papers",
}
KEYS = ("id", "title", "kind", "url", "authors", "free", "tags", "notes")
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Resource:
    """One learning resource. `line` is the 1-based line of its entry in resources.yml."""

    id: str
    title: str
    kind: str
    url: str
    authors: tuple[str, ...] = ()
    free: bool | None = None
    tags: tuple[str, ...] = ()
    notes: str = ""
    line: int = 0

    @property
    def anchor(self) -> str:
        return f"res-{self.id}"


@dataclass
class Registry:
    """The resources in file order, with the problems found while reading them."""

    resources: list[Resource] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    path: str = "content/resources.yml"
    found: bool = False
    unreadable: bool = False  # the file is not valid YAML: ids cannot be judged unknown

    def get(self, resource_id: str) -> Resource | None:
        return next((r for r in self.resources if r.id == resource_id), None)

    def ids(self) -> list[str]:
        return [r.id for r in self.resources]

    def by_kind(self) -> list[tuple[str, list[Resource]]]:
        """(kind, resources sorted by title) for each kind that has resources, in KINDS order."""
        groups = []
        for kind in KINDS:
            members = sorted((r for r in self.resources if r.kind == kind), key=lambda r: r.title.lower())
            if members:
                groups.append((kind, members))
        return groups

    def unknown_hint(self, resource_id: str) -> str:
        if not self.found:
            return f"there is no {self.path}: add the resource there first"
        return did_you_mean(resource_id, self.ids()) or f"add it to {self.path} or fix the id"


CODE_SCHEMES = ("javascript", "data", "vbscript")
NOT_IN_URLS = re.compile(r'[\s"<>`\\]')


def check_url(node: yaml.Node) -> str:
    value = Y.text(node)
    parts = urlsplit(value)
    if parts.scheme in CODE_SCHEMES:
        raise ValueError(f"url '{value}' is a {parts.scheme}: address, not a web page: it would run code"
                         " or hide content behind the link")
    if NOT_IN_URLS.search(value):
        raise ValueError(f"malformed url '{value}': spaces, quotes, '<', '>', '`' and '\\'"
                         " must be percent-encoded")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"malformed url '{value}': expected an http(s) address")
    return value


def url_hint(node: yaml.Node) -> str:
    """`did you mean 'https://www.example.org'?` for an address written without its scheme."""
    value = str(getattr(node, "value", "")).strip()
    host = value.split("/")[0]
    if "://" not in value and ":" not in host and "." in host and not NOT_IN_URLS.search(value):
        return f"did you mean 'https://{value}'?"
    return "write the full address, e.g. https://example.org/page"


def check_id(node: yaml.Node) -> str:
    value = Y.text(node)
    if not ID_PATTERN.fullmatch(value):
        raise ValueError(f"malformed id '{value}': expected lowercase words joined by '-', e.g. isl-book")
    return value


HINTS = {
    "id": "ids are kebab-case: lowercase letters, digits and '-'",
    "free": "write free: true or free: false",
}


def read_entry(node: yaml.Node, problems: Y.Problems, seen: dict[str, int]) -> Resource | None:
    line = Y.line_of(node)
    items = Y.mapping(node, problems, f"the resource on line {line}")
    if items is None:
        return None
    rid = None
    if "id" in items:
        try:
            rid = check_id(items["id"][1])
        except ValueError as error:
            problems.error(Y.line_of(items["id"][1]), str(error), HINTS["id"])
    what = f"resource '{rid}'" if rid else f"the resource on line {line}"
    Y.check_keys(items, KEYS, problems, what)
    if "id" not in items:
        problems.error(line, f"{what} has no id", "add id: a-short-name (used in [text](res:id))")
    values: dict[str, object] = {}
    for key, check in (("title", Y.text), ("url", check_url), ("authors", Y.text_list),
                       ("free", Y.boolean), ("tags", Y.text_list), ("notes", Y.text)):
        if key not in items:
            continue
        value_node = items[key][1]
        try:
            values[key] = check(value_node)
        except ValueError as error:
            hint = url_hint(value_node) if key == "url" else HINTS.get(key, "")
            problems.error(Y.line_of(value_node), f"{key} of {what}: {error}", hint)
    if "title" not in items:
        problems.error(line, f"{what} has no title", "add title: the resource's name")
    kind = ""
    if "kind" not in items:
        problems.error(line, f"{what} has no kind", "add kind: one of " + ", ".join(KINDS))
    else:
        kind_node = items["kind"][1]
        kind = str(getattr(kind_node, "value", "")).strip()
        if kind not in KINDS:
            hint = did_you_mean(kind, KINDS) or "use one of " + ", ".join(KINDS)
            problems.error(Y.line_of(kind_node), f"unknown kind '{kind}' for {what}", hint)
    if rid is None:
        return None
    if rid in seen:
        problems.error(
            Y.line_of(items["id"][1]),
            f"duplicate id '{rid}' (first defined on line {seen[rid]})",
            "give each resource its own id",
        )
        return None
    seen[rid] = line
    return Resource(
        id=rid,
        title=str(values.get("title") or rid),
        kind=kind,
        url=str(values.get("url") or ""),
        authors=tuple(values.get("authors") or ()),
        free=values.get("free"),
        tags=tuple(values.get("tags") or ()),
        notes=str(values.get("notes") or ""),
        line=line,
    )


def parse_registry(text: str, path: str = "content/resources.yml") -> Registry:
    """The registry in `text`; problems are reported against `path`."""
    problems = Y.Problems(path)
    registry = Registry(path=path, found=True)
    root = Y.compose(text, problems)
    registry.unreadable = root is None and bool(problems.items)
    if root is not None and not Y.is_null(root):
        if not isinstance(root, yaml.SequenceNode):
            problems.error(
                Y.line_of(root),
                "resources.yml must be a list of resources",
                "start each resource with '- id: ...'",
            )
        else:
            seen: dict[str, int] = {}
            for node in root.value:
                resource = read_entry(node, problems, seen)
                if resource is not None:
                    registry.resources.append(resource)
    registry.diagnostics = problems.items
    return registry


def load_registry(path: str, display: str | None = None) -> Registry:
    """The registry at `path` (an empty one when the file does not exist).

    Problems are reported as `<display>:LINE: ...`; display defaults to the file's folder and
    name, e.g. `content/resources.yml`."""
    shown = display or Y.display_path(path)
    if not os.path.exists(path):
        return Registry(path=shown, found=False)
    with open(path, encoding="utf-8") as handle:
        return parse_registry(handle.read(), shown)
