"""Roadmap pages: /roadmaps/ and /roadmaps/<slug>/, with progress from the notes and reviews."""

from __future__ import annotations

import glob
import os

from markdown import Markdown
from markupsafe import Markup
from pelican.generators import Generator

from ..core.diagnostics import Diagnostic, did_you_mean
from ..core.report import extra_diagnostics
from ..core.settings import content_file
from ..core.shared import RESOURCES, ROADMAP_PROGRESS, ROADMAPS, TOPIC_PLACES
from ..core.sitemap import sitemap_urls
from ..core.source import NoteSource, site_relative
from ..resources.generator import source_of
from ..srs.log import build_log
from .graph import find_cycle
from .model import Roadmap, load_roadmap, topic_places
from .progress import measure
from .svg import drawings, render_svg


def roadmap_files(settings: dict) -> list[str]:
    folder = content_file(settings, "STUDYFOLIO_ROADMAPS")
    return sorted(glob.glob(os.path.join(folder, "*.yml")) + glob.glob(os.path.join(folder, "*.yaml")))


def check_note_topics(articles, roadmaps: list[Roadmap], settings: dict) -> list[Diagnostic]:
    """A note's `Topics:` must name topics of some roadmap (when the site has roadmaps)."""
    known = sorted({t.id for r in roadmaps for t in r.topics()})
    found = []
    for article in articles:
        unknown = [t for t in getattr(article, "topics", None) or [] if t not in known]
        if not unknown:
            continue
        with open(article.source_path, encoding="utf-8") as handle:
            note = NoteSource(site_relative(article.source_path, settings["PATH"]), handle.read())
        line = note.line_of("Topics:")
        for topic_id in unknown:
            hint = did_you_mean(topic_id, known) or "add the topic to a roadmap in content/roadmaps/ or fix the id"
            note.error(line, f"unknown topic '{topic_id}' in Topics", hint)
        found.extend(note.diagnostics)
    return found


class RoadmapsGenerator(Generator):
    """Reads every roadmap once per build and writes its page and the index of roadmaps."""

    def generate_context(self):
        settings = self.settings
        registry = RESOURCES.get(self.context) or source_of(settings).current()
        diagnostics = extra_diagnostics(self.context)
        display_root = os.path.dirname(os.path.abspath(settings["PATH"]))
        self.roadmaps = []
        for path in roadmap_files(settings):
            roadmap = load_roadmap(path, registry, os.path.relpath(path, display_root))
            diagnostics.extend(roadmap.diagnostics)
            self.roadmaps.append(roadmap)
        articles = self.context.get("articles", [])
        if self.roadmaps:
            diagnostics.extend(check_note_topics(articles, self.roadmaps, settings))
        reviews = build_log(self.context, settings)
        self.views = []
        for roadmap in self.roadmaps:
            progress = measure(roadmap, articles, reviews)
            cyclic = find_cycle([t.id for t in roadmap.topics()], roadmap.edges())
            graphs = [] if cyclic else [Markup(render_svg(progress, d)) for d in drawings(progress)]
            self.views.append({
                "roadmap": roadmap,
                "progress": progress,
                "graphs": graphs,
                "descriptions": self.descriptions(roadmap, diagnostics),
                "summary": self.markdown(roadmap.summary, roadmap.path, 1, diagnostics),
            })
        ROADMAPS.put(self.context, self.roadmaps)
        TOPIC_PLACES.put(self.context, topic_places(self.roadmaps))
        ROADMAP_PROGRESS.put(self.context, [view["progress"] for view in self.views])
        sitemap_urls(self.context).extend(["roadmaps/", *(roadmap.url for roadmap in self.roadmaps)])
        self.registry = registry

    def markdown(self, text: str, path: str, line: int, diagnostics: list) -> Markup:
        """Markdown of a roadmap's text with the site's extensions; problems at the file's lines."""
        if not text:
            return Markup("")
        md = Markdown(**self.settings["MARKDOWN"])
        note = NoteSource(path=path, text=text)
        md.studyfolio_note = note
        rendered = md.convert(text)
        for item in note.diagnostics:
            diagnostics.append(Diagnostic(path, line + item.line - 1, item.message, item.hint, item.severity))
        return Markup(rendered)

    def descriptions(self, roadmap: Roadmap, diagnostics: list) -> dict[str, Markup]:
        return {
            t.id: self.markdown(t.description, roadmap.path, t.description_line, diagnostics)
            for t in roadmap.topics()
        }

    def generate_output(self, writer):
        """The index is written even with no roadmap (the menu links to it), saying how to start."""
        common = {"registry": self.registry, "relative_urls": self.settings.get("RELATIVE_URLS")}
        writer.write_file(
            "roadmaps/index.html", self.get_template("roadmaps"), self.context,
            views=self.views, page_name="roadmaps/index", **common,
        )
        for view in self.views:
            slug = view["roadmap"].slug
            writer.write_file(
                f"roadmaps/{slug}/index.html", self.get_template("roadmap"), self.context,
                page_name=f"roadmaps/{slug}/index", **view, **common,
            )
