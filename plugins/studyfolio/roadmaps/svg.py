"""The prerequisite graph of a roadmap as inline SVG, drawn at build time (no JavaScript).

Two drawings of the same graph: a layered one no wider than a desktop column, and, when that
one is wider than a phone, one column of topics with the edges in lanes beside it. The page's
CSS shows the one that fits its box with labels at FONT_SIZE (never under 14px as rendered).
Each box is a link to the topic on the page, reached with Tab in reading order."""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from .layout import Layout, column_layout, layered_layout
from .model import topic_anchor
from .progress import RoadmapProgress

FONT_SIZE = 15.0  # label size in the drawing's units (the CSS's 840px box assumes it)
LINE_HEIGHT = 19.0
PADDING = 8.0
WIDE_WIDTH = 900.0  # the widest layered drawing; the CSS shows it in a box of 840px or more
NARROW_WIDTH = 330.0  # a phone's graph box; a wider layered drawing gets a one-column twin
STATUS_WORDS = {"covered": "has notes", "next": "next up", "open": "not started"}


@dataclass(frozen=True)
class Shape:
    """How big a drawing's boxes are: width and how many characters of label fit on a line."""

    width: float
    chars: int


WIDE = Shape(160.0, 17)
NARROW = Shape(170.0, 18)


@dataclass(frozen=True)
class Drawing:
    name: str  # "wide" or "narrow": a CSS class and part of the drawing's ids
    shape: Shape
    layout: Layout


def label_lines(title: str, chars: int = WIDE.chars) -> list[str]:
    return textwrap.wrap(title, chars, break_long_words=True) or [title]


def node_size(title: str, shape: Shape = WIDE) -> tuple[float, float]:
    return (shape.width, len(label_lines(title, shape.chars)) * LINE_HEIGHT + 2 * PADDING)


def path_data(points) -> str:
    """Straight where x or y stays the same, an S-curve between ranks."""
    x0, y0 = points[0]
    parts = [f"M{x0:g},{y0:g}"]
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        if x1 == x2 or y1 == y2:
            parts.append(f"L{x2:g},{y2:g}")
        else:
            middle = (y1 + y2) / 2
            parts.append(f"C{x1:g},{middle:g} {x2:g},{middle:g} {x2:g},{y2:g}")
    return " ".join(parts)


def graph_layout(progress: RoadmapProgress, shape: Shape = WIDE, max_width: float | None = WIDE_WIDTH) -> Layout:
    roadmap = progress.roadmap
    topics = roadmap.topics()
    sizes = {t.id: node_size(t.title, shape) for t in topics}
    return layered_layout([t.id for t in topics], roadmap.edges(), sizes, max_width)


def drawings(progress: RoadmapProgress) -> list[Drawing]:
    """The wide drawing, and the narrow one when the wide one does not fit a phone."""
    wide = Drawing("wide", WIDE, graph_layout(progress))
    if wide.layout.width <= NARROW_WIDTH:
        return [wide]
    roadmap = progress.roadmap
    topics = roadmap.topics()
    sizes = {t.id: node_size(t.title, NARROW) for t in topics}
    return [wide, Drawing("narrow", NARROW, column_layout([t.id for t in topics], roadmap.edges(), sizes))]


def reading_order(layout: Layout) -> list[str]:
    """Topics row by row, left to right: the order Tab goes through the boxes."""
    return sorted(layout.boxes, key=lambda n: (layout.boxes[n].rank, layout.boxes[n].x))


def render_svg(progress: RoadmapProgress, drawing: Drawing) -> str:
    roadmap = progress.roadmap
    layout = drawing.layout
    ids = f"{roadmap.slug}-{drawing.name}"
    svg = ET.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg",
        "class": f"roadmap-graph graph-{drawing.name}",
        "viewBox": f"0 0 {layout.width:g} {layout.height:g}",
        "width": f"{layout.width:g}",
        "height": f"{layout.height:g}",
        "style": f"--graph-width: {layout.width:g}px",
        "role": "group",
        "aria-labelledby": f"graph-title-{ids}",
        "data-graph": "",
    })
    title = ET.SubElement(svg, "title", {"id": f"graph-title-{ids}"})
    title.text = f"Prerequisites of {roadmap.title}: each arrow goes from a topic to one that builds on it"
    defs = ET.SubElement(svg, "defs", {"aria-hidden": "true"})
    marker = f"arrow-{ids}"
    arrow = ET.SubElement(defs, "marker", {
        "id": marker, "viewBox": "0 0 10 10", "refX": "9", "refY": "5",
        "markerWidth": "7", "markerHeight": "7", "orient": "auto-start-reverse",
    })
    ET.SubElement(arrow, "path", {"d": "M0,0 L10,5 L0,10 z", "class": "graph-arrow"})
    edges = ET.SubElement(svg, "g", {"class": "graph-edges", "aria-hidden": "true"})
    for route in layout.routes:
        ET.SubElement(edges, "path", {
            "class": "graph-edge",
            "d": path_data(route.points),
            "marker-end": f"url(#{marker})",
            "data-from": route.source,
            "data-to": route.target,
        })
    nodes = ET.SubElement(svg, "g", {"class": "graph-nodes", "font-size": f"{FONT_SIZE:g}"})
    for topic_id in reading_order(layout):
        topic = roadmap.topic(topic_id)
        box = layout.boxes[topic_id]
        view = progress.topic(topic_id)
        link = ET.SubElement(nodes, "a", {
            "href": "#" + topic_anchor(topic_id), "aria-label": f"{topic.title} ({STATUS_WORDS[view.status]})",
        })
        group = ET.SubElement(link, "g", {
            "class": f"graph-node status-{view.status}",
            "data-topic": f"{roadmap.slug}/{topic_id}",
            "data-node": topic_id,
        })
        ET.SubElement(group, "rect", {
            "x": f"{box.x:g}", "y": f"{box.y:g}", "width": f"{box.width:g}",
            "height": f"{box.height:g}", "rx": "8",
        })
        text = ET.SubElement(group, "text", {"x": f"{box.center:g}", "y": f"{box.y + PADDING:g}"})
        spans = []
        for number, line in enumerate(label_lines(topic.title, drawing.shape.chars)):
            span = ET.SubElement(text, "tspan", {"x": f"{box.center:g}", "dy": f"{LINE_HEIGHT if number else 14:g}"})
            span.text = line
            spans.append(span)
        for span in spans[:-1]:
            span.tail = " "  # the lines read as words apart: the link's name holds its visible text
    return ET.tostring(svg, encoding="unicode", short_empty_elements=True)
