"""Python-Markdown extension: `[text](res:id)` becomes a typed link to the resource's entry.

    <a class="res-link res-book" href="SITEURL/resources/#res-isl" title="TITLE" data-res="isl">
      text<span class="res-kind">book</span></a>

An unknown id is reported at the note's line with a "did you mean"; the link then keeps its
text and points at the resources page, marked `res-unknown`."""

from __future__ import annotations

import os
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from ..core.source import note_of
from .registry import Registry, load_registry

SCHEME = "res:"


class RegistrySource:
    """The registry file of one site, read again only when the file changes (for `make serve`)."""

    def __init__(self, path: str, display: str | None = None):
        self.path = path
        self.display = display
        self._stamp: tuple | None = None
        self._registry: Registry | None = None

    def stamp(self) -> tuple:
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            return ()
        return (info.st_mtime_ns, info.st_size)

    def current(self) -> Registry:
        stamp = self.stamp()
        if self._registry is None or stamp != self._stamp:
            self._registry = load_registry(self.path, self.display)
            self._stamp = stamp
        return self._registry

    def __deepcopy__(self, memo):
        return self  # shared on purpose: one reader of one file per site


def registry_of(value) -> Registry:
    if isinstance(value, Registry):
        return value
    if not value:
        return Registry(found=False)
    return value.current()


def resource_href(siteurl: str, resource_id: str) -> str:
    return f"{siteurl}/resources/#res-{resource_id}"


class ResourceLinks(Treeprocessor):
    """Turns the links Python-Markdown made from `res:` addresses into resource links."""

    def __init__(self, md, extension: ResourceLinksExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        links = [a for a in root.iter("a") if (a.get("href") or "").startswith(SCHEME)]
        if not links:
            return
        registry = registry_of(self.extension.getConfig("registry"))
        siteurl = self.extension.getConfig("siteurl")
        note = note_of(self.md)
        cursor: dict[str, int] = {}
        reported: set[tuple[int, str]] = set()
        for link in links:
            resource_id = link.get("href")[len(SCHEME):].strip()
            line = self.line_of(note, resource_id, cursor)
            resource = registry.get(resource_id)
            link.set("href", resource_href(siteurl, resource_id))
            link.set("data-res", resource_id)
            if resource is None:
                # With resources.yml unreadable, its YAML error is the one report to make.
                if not registry.unreadable and (line, resource_id) not in reported:
                    reported.add((line, resource_id))
                    note.error(line, f"unknown resource 'res:{resource_id}'", registry.unknown_hint(resource_id))
                link.set("class", "res-link res-unknown")
                link.attrib.pop("title", None)
                continue
            link.set("class", f"res-link res-{resource.kind}")
            link.set("title", resource.title)
            kind = etree.SubElement(link, "span")
            kind.set("class", "res-kind")
            kind.text = resource.kind

    @staticmethod
    def line_of(note, resource_id: str, cursor: dict[str, int]) -> int:
        """The line of the next `res:id` in the note, so repeated links get their own lines."""
        needle = SCHEME + resource_id
        start = note.text.find(needle, cursor.get(resource_id, 0))
        if start < 0:
            return note.line_of(needle)
        cursor[resource_id] = start + len(needle)
        return note.text.count("\n", 0, start) + 1


class ResourceLinksExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "registry": ["", "a Registry, or an object whose current() returns one"],
            "siteurl": ["", "the site's URL, prefixed to /resources/"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # After inline patterns (20) made the <a> elements, before prettify (10).
        md.treeprocessors.register(ResourceLinks(md, self), "studyfolio-resource-links", 15)


def makeExtension(**kwargs):
    return ResourceLinksExtension(**kwargs)
