"""`//// compare | concept`: explanations of one concept side by side, then the learner's synthesis.

    //// compare | The rank of a matrix
    /// explanation | res:essence-of-linear-algebra
        style: visual
    How many dimensions survive the transformation.
    ///
    /// explanation | res:mml-book
        style: formal
    The number of linearly independent columns.
    ///
    In my words: the same fact, seen from three sides.
    ////

The outer block has more slashes than the explanations inside it (pymdownx's nesting rule).
Each explanation names a resource of the registry (content/resources.yml, read by the
resources plugin) and a style; its title links to the resource's entry. Text after the
explanations is the synthesis. Columns on wide screens, a stack on phones, no JavaScript."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.util import AtomicString
from pymdownx.blocks.block import Block

from ..resources.links import resource_href
from .contract import one_of
from .state import state_of

STYLES = ("visual", "intuitive", "simple", "practical", "formal")
RESOURCE_ID = re.compile(r"^(?:res:)?(?P<id>[A-Za-z0-9][\w.-]*)$")


def has_class(element, name: str) -> bool:
    return name in (element.get("class") or "").split()


class CompareBlock(Block):
    """Two or more explanations of one concept, and the learner's synthesis underneath."""

    NAME = "compare"
    ARGUMENT = True
    OPTIONS: dict = {}
    USAGE = "`//// compare | concept` holding `/// explanation | res:id` blocks, closed by `////`"

    def on_init(self) -> None:
        self.ended = False
        self.misnested = False

    def on_create(self, parent):
        self.line = state_of(self.md).sites.claim(self.NAME, self.argument)
        section = etree.SubElement(parent, "section", {"class": "compare"})
        concept = etree.SubElement(section, "p", {"class": "compare-concept"})
        eyebrow = etree.SubElement(concept, "span", {"class": "compare-eyebrow"})
        eyebrow.text = "Compared"
        eyebrow.tail = " "
        etree.SubElement(concept, "strong").text = self.argument
        return section

    def on_end(self, block) -> None:
        # With too few slashes, pymdownx ends this block at each inner `///`: reported once, below.
        if self.ended:
            return
        self.ended = True
        note = state_of(self.md).note
        children = list(block)[1:]
        views = [child for child in children if has_class(child, "compare-view")]
        first = children.index(views[0]) if views else len(children)
        synthesis = [child for child in children[first:] if child not in views]
        for child in children[first:]:
            block.remove(child)
        holder = etree.SubElement(block, "div", {"class": "compare-views", "data-count": str(len(views))})
        holder.extend(views)
        if self.misnested:
            return
        if len(views) < 2:
            note.error(
                self.line,
                f"compare block '{self.argument}' needs two or more explanations, found {len(views)}",
                "add `/// explanation | res:id` blocks with `style:` inside the `//// compare` block",
            )
        own = etree.SubElement(block, "div", {"class": "compare-synthesis"})
        etree.SubElement(own, "p", {"class": "compare-synthesis-label"}).text = "My synthesis"
        own.extend(synthesis)
        if not synthesis:
            note.error(
                self.line,
                f"compare block '{self.argument}' has no synthesis of your own",
                "after the explanations, write what they have in common and how they differ",
            )


class ExplanationBlock(Block):
    """One resource's explanation inside a compare block, tagged with its style."""

    NAME = "explanation"
    ARGUMENT = True
    OPTIONS = {"style": ("", one_of(*STYLES))}
    USAGE = "`/// explanation | res:resource-id` with `style: " + "|".join(STYLES) + "`"

    def on_create(self, parent):
        state = state_of(self.md)
        note = state.note
        self.line = line = state.sites.claim(self.NAME, self.argument)
        outer = next((e.block for e in reversed(self._block_mgr.stack)), None)
        if not has_class(parent, "compare") or not isinstance(outer, CompareBlock):
            note.error(line, "an explanation block belongs inside a compare block",
                       f"wrap the explanations in {CompareBlock.USAGE}")
        elif outer.length <= self.length and not outer.misnested:
            outer.misnested = True
            note.error(outer.line, "the compare block needs more slashes than the explanations inside it",
                       "open and close it with `////` and keep `///` for the explanations")
        style = self.options["style"]
        if not style:
            note.error(line, f"explanation of '{self.argument}' has no style",
                       "add an option line `    style: " + "|".join(STYLES) + "`")
        match = RESOURCE_ID.match(self.argument.strip())
        rid = match.group("id") if match else self.argument.strip()
        view = etree.SubElement(parent, "article", {"class": "compare-view", "data-resource": rid})
        if style:
            view.set("data-style", style)
        head = etree.SubElement(view, "header", {"class": "compare-view-head"})
        if style:
            label = etree.SubElement(head, "span", {"class": f"compare-style compare-style-{style}"})
            label.text = style.capitalize()
            label.tail = " "  # a word apart from the title, for search and for copied text
        self.add_resource(head, rid, bool(match), line)
        self.body = etree.SubElement(view, "div", {"class": "compare-view-body"})
        return view

    def add_resource(self, head, rid: str, well_formed: bool, line: int) -> None:
        """The resource's title as a `res:` link (same markup as the resources plugin's)."""
        state = state_of(self.md)
        registry = state.resources
        resource = registry.get(rid) if well_formed else None
        if resource is None:
            if well_formed:
                message = f"unknown resource 'res:{rid}' in explanation block"
                hint = registry.unknown_hint(rid)
            else:
                message = f"explanation block names '{rid}', which is not a resource id"
                hint = "name a resource of content/resources.yml as `res:resource-id`"
            if not (well_formed and getattr(registry, "unreadable", False)):  # else its YAML error says it
                state.note.error(line, message, hint)
            missing = etree.SubElement(head, "span", {"class": "compare-resource-missing"})
            missing.text = AtomicString(f"res:{rid}" if well_formed else rid)
            return
        link = etree.SubElement(head, "a", {
            "class": f"res-link res-{resource.kind}",
            "href": resource_href(state.siteurl, rid),
            "title": resource.title,
            "data-res": rid,
        })
        link.text = AtomicString(resource.title)
        etree.SubElement(link, "span", {"class": "res-kind"}).text = AtomicString(resource.kind)

    def on_add(self, block):
        return self.body
