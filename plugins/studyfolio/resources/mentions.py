"""Which notes cite which resources, read from the rendered HTML of each note (`a[data-res]`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import html as lxml_html

from .registry import Registry, Resource


def cited_ids(content_html: str) -> list[str]:
    """Resource ids linked from `content_html`, in order of first mention, each once."""
    if not content_html or "data-res" not in content_html:
        return []
    tree = lxml_html.fragment_fromstring(content_html, create_parent="div")
    found: list[str] = []
    for link in tree.iter("a"):
        resource_id = link.get("data-res")
        if resource_id and resource_id not in found:
            found.append(resource_id)
    return found


@dataclass(frozen=True)
class Mention:
    """A place that cites a resource: a note, or a topic of a roadmap."""

    kind: str  # "note" or "roadmap"
    title: str
    url: str
    context: str = ""  # the topic's title, for roadmaps

    @property
    def sort_key(self) -> tuple:
        return (self.kind != "note", self.title.lower(), self.context.lower(), self.url)


@dataclass
class MentionIndex:
    """resource id -> the places that cite it; each place once, sorted for stable output."""

    places: dict[str, list[Mention]] = field(default_factory=dict)

    def add(self, resource_id: str, mention: Mention) -> None:
        bucket = self.places.setdefault(resource_id, [])
        if mention not in bucket:
            bucket.append(mention)

    def of(self, resource_id: str) -> list[Mention]:
        return sorted(self.places.get(resource_id, []), key=lambda m: m.sort_key)


def index_notes(contents, registry: Registry, index: MentionIndex) -> None:
    """Record the resources each note cites; give each note `resources_mentioned` for the theme."""
    for content in contents:
        cited: list[Resource] = []
        for resource_id in cited_ids(getattr(content, "_content", "") or ""):
            resource = registry.get(resource_id)
            if resource is None:
                continue
            cited.append(resource)
            index.add(resource_id, Mention("note", content.title, content.url))
        content.resources_mentioned = cited
