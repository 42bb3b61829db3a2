"""The prerequisite graph of a roadmap as inline SVG, drawn at build time (no JavaScript).

Boxes link to the topic on the page; the page also gives the same graph as a list, which is
what screen readers and keyboards use (the SVG's links are taken out of the tab order)."""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET

from .layout import Layout, layered_layout
from .progress import RoadmapProgress

NODE_WIDTH = 150.0
LINE_HEIGHT = 16.0
PADDING = 9.0
CHARS_PER_LINE = 19  # at 13px in the theme's sans-serif, a line fits a 150px box


def label_lines(title: str) -> list[str]:
    return textwrap.wrap(title, CHARS_PER_LINE, break_long_words=True) or [title]


def node_size(title: str) -> tuple[float, float]:
    return (NODE_WIDTH, len(label_lines(title)) * LINE_HEIGHT + 2 * PADDING)


def path_data(points) -> str:
    """Straight down inside a rank, an S-curve between ranks."""
    x0, y0 = points[0]
    parts = [f"M{x0:g},{y0:g}"]
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        if x1 == x2:
            parts.append(f"L{x2:g},{y2:g}")
        else:
            middle = (y1 + y2) / 2
            parts.append(f"C{x1:g},{middle:g} {x2:g},{middle:g} {x2:g},{y2:g}")
    return " ".join(parts)


def graph_layout(progress: RoadmapProgress) -> Layout:
    roadmap = progress.roadmap
    topics = roadmap.topics()
    sizes = {t.id: node_size(t.title) for t in topics}
    return layered_layout([t.id for t in topics], roadmap.edges(), sizes)


def render_svg(progress: RoadmapProgress, layout: Layout) -> str:
    roadmap = progress.roadmap
    marker = f"arrow-{roadmap.slug}"
    svg = ET.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg",
        "class": "roadmap-graph",
        "viewBox": f"0 0 {layout.width:g} {layout.height:g}",
        "width": f"{layout.width:g}",
        "height": f"{layout.height:g}",
        "style": f"--graph-width: {layout.width:g}px",
        "role": "img",
        "aria-labelledby": f"graph-title-{roadmap.slug}",
    })
    title = ET.SubElement(svg, "title", {"id": f"graph-title-{roadmap.slug}"})
    title.text = f"Prerequisites of {roadmap.title}: each arrow goes from a topic to one that builds on it"
    defs = ET.SubElement(svg, "defs")
    arrow = ET.SubElement(defs, "marker", {
        "id": marker, "viewBox": "0 0 10 10", "refX": "9", "refY": "5",
        "markerWidth": "7", "markerHeight": "7", "orient": "auto-start-reverse",
    })
    ET.SubElement(arrow, "path", {"d": "M0,0 L10,5 L0,10 z", "class": "graph-arrow"})
    edges = ET.SubElement(svg, "g", {"class": "graph-edges"})
    for route in layout.routes:
        ET.SubElement(edges, "path", {
            "class": "graph-edge",
            "d": path_data(route.points),
            "marker-end": f"url(#{marker})",
            "data-from": route.source,
            "data-to": route.target,
        })
    nodes = ET.SubElement(svg, "g", {"class": "graph-nodes"})
    for topic in roadmap.topics():
        box = layout.boxes[topic.id]
        view = progress.topic(topic.id)
        link = ET.SubElement(nodes, "a", {"href": f"#topic-{topic.id}", "tabindex": "-1"})
        group = ET.SubElement(link, "g", {
            "class": f"graph-node status-{view.status}",
            "data-topic": f"{roadmap.slug}/{topic.id}",
            "data-node": topic.id,
        })
        ET.SubElement(group, "rect", {
            "x": f"{box.x:g}", "y": f"{box.y:g}", "width": f"{box.width:g}",
            "height": f"{box.height:g}", "rx": "8",
        })
        text = ET.SubElement(group, "text", {"x": f"{box.center:g}", "y": f"{box.y + PADDING:g}"})
        for number, line in enumerate(label_lines(topic.title)):
            span = ET.SubElement(text, "tspan", {"x": f"{box.center:g}", "dy": f"{LINE_HEIGHT if number else 12:g}"})
            span.text = line
    return ET.tostring(svg, encoding="unicode", short_empty_elements=True)
