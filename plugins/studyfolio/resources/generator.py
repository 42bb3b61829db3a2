"""The /resources/ page: every resource grouped by kind, with its anchor and where it is cited."""

from __future__ import annotations

import os

from pelican.generators import Generator

from ..core.report import extra_diagnostics
from ..core.settings import content_file
from ..core.shared import MENTIONS, RESOURCES, ROADMAPS
from ..core.sitemap import sitemap_urls
from .links import RegistrySource
from .mentions import Mention, MentionIndex, index_notes
from .registry import KIND_LABELS


def registry_path(settings: dict) -> str:
    return content_file(settings, "STUDYFOLIO_RESOURCES")


def registry_display(settings: dict) -> str:
    name = os.path.relpath(registry_path(settings), settings["PATH"])
    return f"{os.path.basename(os.path.normpath(settings['PATH']))}/{name}"


def source_of(settings: dict) -> RegistrySource:
    """The site's RegistrySource: the one the Markdown extension uses, or a fresh one."""
    configs = settings.get("MARKDOWN", {}).get("extension_configs", {})
    source = configs.get("studyfolio.resources.links", {}).get("registry")
    if isinstance(source, RegistrySource):
        return source
    return RegistrySource(registry_path(settings), registry_display(settings))


class ResourcesGenerator(Generator):
    """Reads the registry once per build, indexes the notes' citations, writes /resources/."""

    def generate_context(self):
        registry = source_of(self.settings).current()
        extra_diagnostics(self.context).extend(registry.diagnostics)
        index = MentionIndex()
        published = [*self.context.get("articles", []), *self.context.get("pages", [])]
        index_notes(published, registry, index)
        RESOURCES.put(self.context, registry)
        sitemap_urls(self.context).append("resources/")
        MENTIONS.put(self.context, index)
        self.registry = registry
        self.index = index

    def add_roadmap_mentions(self) -> None:
        for roadmap in ROADMAPS.get(self.context, []):
            for topic in roadmap.topics():
                for resource_id in topic.resources:
                    if self.registry.get(resource_id) is not None:
                        mention = Mention("roadmap", roadmap.title, roadmap.topic_url(topic.id), topic.title)
                        self.index.add(resource_id, mention)

    def generate_output(self, writer):
        """The page is written even with no registry (the menu links to it), saying how to start."""
        self.add_roadmap_mentions()
        writer.write_file(
            "resources/index.html",
            self.get_template("resources"),
            self.context,
            relative_urls=self.settings.get("RELATIVE_URLS"),
            registry=self.registry,
            groups=self.registry.by_kind(),
            mentions=self.index,
            kind_labels=KIND_LABELS,
            page_name="resources/index",
        )
