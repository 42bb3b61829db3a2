"""A roadmap, `content/roadmaps/<slug>.yml`: title, summary, ordered stages of topics.

Read with line numbers and checked as a whole: unknown keys, missing fields, a topic in two
stages, unknown prerequisites or resources (with "did you mean"), and prerequisite cycles."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import yaml

from ..core.diagnostics import Diagnostic, did_you_mean
from ..resources import yamlnodes as Y
from ..resources.registry import ID_PATTERN, Registry
from .graph import find_cycle

ROADMAP_KEYS = ("title", "summary", "stages")
STAGE_KEYS = ("title", "summary", "topics")
def topic_anchor(topic_id: str) -> str:
    """The id of a topic's card on its roadmap page."""
    return f"topic-{topic_id}"


TOPIC_KEYS = ("id", "title", "description", "prerequisites", "resources")


@dataclass
class Topic:
    id: str
    title: str
    description: str = ""
    prerequisites: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    line: int = 0
    description_line: int = 0
    stage: int = 0  # index of its stage


@dataclass
class Stage:
    title: str
    summary: str = ""
    topics: list[Topic] = field(default_factory=list)
    line: int = 0

    def anchor(self, index: int) -> str:
        return f"stage-{index + 1}"


@dataclass
class Roadmap:
    slug: str
    title: str
    summary: str = ""
    stages: list[Stage] = field(default_factory=list)
    path: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"roadmaps/{self.slug}/"

    def topics(self) -> list[Topic]:
        return [topic for stage in self.stages for topic in stage.topics]

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics() if t.id == topic_id), None)

    def topic_url(self, topic_id: str) -> str:
        """Site-relative URL of a topic on this roadmap's page (its card opens there)."""
        return f"{self.url}#{topic_anchor(topic_id)}"

    def edges(self) -> list[tuple[str, str]]:
        """(prerequisite, topic) pairs between known topics."""
        known = {t.id for t in self.topics()}
        return [(p, t.id) for t in self.topics() for p in t.prerequisites if p in known]


@dataclass(frozen=True)
class TopicPlace:
    """Where a note's topic chip links: the topic's card on its roadmap page."""

    title: str
    url: str
    roadmap: str  # the roadmap's title


def topic_places(roadmaps: list[Roadmap]) -> dict[str, TopicPlace]:
    """Each topic id at its place on the first roadmap (in file order) that has it."""
    places: dict[str, TopicPlace] = {}
    for roadmap in roadmaps:
        for topic in roadmap.topics():
            places.setdefault(topic.id, TopicPlace(topic.title, roadmap.topic_url(topic.id), roadmap.title))
    return places


def id_list(node, problems: Y.Problems, what: str, key: str) -> list[tuple[str, int]]:
    """A list of ids with the line of each."""
    if Y.is_null(node):
        return []
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    if not isinstance(node, yaml.SequenceNode | yaml.ScalarNode) or any(
        not isinstance(i, yaml.ScalarNode) for i in items
    ):
        problems.error(Y.line_of(node), f"{key} of {what} must be a list of ids", f"write {key}: [id-one, id-two]")
        return []
    return [(str(i.value).strip(), Y.line_of(i)) for i in items if str(i.value).strip()]


def text_field(items, key: str, problems: Y.Problems, what: str, required: bool, line: int) -> str:
    if key not in items:
        if required:
            problems.error(line, f"{what} has no {key}", f"add {key}: ...")
        return ""
    try:
        return Y.text(items[key][1])
    except ValueError as error:
        problems.error(Y.line_of(items[key][1]), f"{key} of {what}: {error}", f"write {key}: some text")
        return ""


class RoadmapReader:
    """Reads one roadmap file into a Roadmap, collecting every problem on the way."""

    def __init__(self, slug: str, path: str, registry: Registry):
        self.problems = Y.Problems(path)
        self.registry = registry
        self.roadmap = Roadmap(slug=slug, title=slug, path=path)
        self.prerequisite_lines: dict[tuple[str, str], int] = {}
        self.resource_lines: dict[tuple[str, str], int] = {}
        self.placed: dict[str, tuple[Stage, int]] = {}

    def read(self, text: str) -> Roadmap:
        root = Y.compose(text, self.problems)
        if root is not None:
            self.read_root(root)
            self.check_references()
        self.roadmap.diagnostics = self.problems.items
        return self.roadmap

    def read_root(self, root) -> None:
        what = "the roadmap"
        items = Y.mapping(root, self.problems, what)
        if items is None:
            return
        Y.check_keys(items, ROADMAP_KEYS, self.problems, what)
        self.roadmap.title = text_field(items, "title", self.problems, what, True, 1) or self.roadmap.slug
        self.roadmap.summary = text_field(items, "summary", self.problems, what, False, 1)
        if "stages" not in items:
            self.problems.error(Y.line_of(root), "the roadmap has no stages", "add stages: a list of stages, each with topics")
            return
        stages = items["stages"][1]
        if not isinstance(stages, yaml.SequenceNode):
            self.problems.error(Y.line_of(stages), "stages must be a list", "start each stage with '- title: ...'")
            return
        for node in stages.value:
            self.read_stage(node)

    def read_stage(self, node) -> None:
        line = Y.line_of(node)
        items = Y.mapping(node, self.problems, f"the stage on line {line}")
        if items is None:
            return
        title = text_field(items, "title", self.problems, f"the stage on line {line}", True, line)
        what = f"stage '{title}'" if title else f"the stage on line {line}"
        Y.check_keys(items, STAGE_KEYS, self.problems, what)
        stage = Stage(title=title or f"Stage {len(self.roadmap.stages) + 1}", line=line,
                      summary=text_field(items, "summary", self.problems, what, False, line))
        self.roadmap.stages.append(stage)
        if "topics" not in items:
            self.problems.error(line, f"{what} has no topics", "add topics: a list of topics")
            return
        topics = items["topics"][1]
        if not isinstance(topics, yaml.SequenceNode):
            self.problems.error(Y.line_of(topics), f"topics of {what} must be a list", "start each topic with '- id: ...'")
            return
        for topic_node in topics.value:
            self.read_topic(topic_node, stage)

    def read_topic(self, node, stage: Stage) -> None:
        line = Y.line_of(node)
        items = Y.mapping(node, self.problems, f"the topic on line {line}")
        if items is None:
            return
        topic_id = ""
        if "id" not in items:
            self.problems.error(line, f"the topic on line {line} has no id", "add id: a-kebab-case-id (used in Topics: of notes)")
        else:
            topic_id = str(getattr(items["id"][1], "value", "")).strip()
            if not ID_PATTERN.fullmatch(topic_id):
                self.problems.error(
                    Y.line_of(items["id"][1]),
                    f"malformed topic id '{topic_id}': expected lowercase words joined by '-'",
                    "e.g. id: dot-product",
                )
                topic_id = ""
        what = f"topic '{topic_id}'" if topic_id else f"the topic on line {line}"
        Y.check_keys(items, TOPIC_KEYS, self.problems, what)
        title = text_field(items, "title", self.problems, what, True, line)
        description = text_field(items, "description", self.problems, what, False, line)
        prerequisites = id_list(items["prerequisites"][1], self.problems, what, "prerequisites") if "prerequisites" in items else []
        resources = id_list(items["resources"][1], self.problems, what, "resources") if "resources" in items else []
        if not topic_id:
            return
        if topic_id in self.placed:
            first_stage, first_line = self.placed[topic_id]
            where = "twice in this stage" if first_stage is stage else f"in two stages: '{first_stage.title}' and '{stage.title}'"
            self.problems.error(line, f"topic '{topic_id}' is {where} (first on line {first_line})", "keep it in one stage and remove the other")
            return
        self.placed[topic_id] = (stage, line)
        topic = Topic(
            id=topic_id, title=title or topic_id, description=description, line=line,
            description_line=Y.line_of(items["description"][1]) if "description" in items else line,
            prerequisites=[p for p, _ in prerequisites], resources=[r for r, _ in resources],
            stage=len(self.roadmap.stages) - 1,
        )
        for prerequisite, at in prerequisites:
            self.prerequisite_lines[(topic_id, prerequisite)] = at
        for resource, at in resources:
            self.resource_lines[(topic_id, resource)] = at
        stage.topics.append(topic)

    def check_references(self) -> None:
        known = [t.id for t in self.roadmap.topics()]
        for topic in self.roadmap.topics():
            for prerequisite in topic.prerequisites:
                if prerequisite not in known:
                    self.problems.error(
                        self.prerequisite_lines[(topic.id, prerequisite)],
                        f"unknown prerequisite '{prerequisite}' of topic '{topic.id}'",
                        did_you_mean(prerequisite, known) or "use the id of a topic in this roadmap",
                    )
            for resource in topic.resources:
                if self.registry.get(resource) is None and not self.registry.unreadable:
                    self.problems.error(
                        self.resource_lines[(topic.id, resource)],
                        f"unknown resource '{resource}' in topic '{topic.id}'",
                        self.registry.unknown_hint(resource),
                    )
        cycle = find_cycle(known, self.roadmap.edges())
        if cycle:
            first = self.roadmap.topic(cycle[1])
            self.problems.error(
                self.prerequisite_lines.get((cycle[1], cycle[0]), first.line if first else 1),
                "prerequisite cycle: " + " -> ".join(cycle),
                "each topic here is a prerequisite of the next, so none can come first;"
                " remove one of these prerequisites",
            )


def load_roadmap(path: str, registry: Registry, display: str | None = None) -> Roadmap:
    slug = os.path.splitext(os.path.basename(path))[0]
    shown = display or path
    with open(path, encoding="utf-8") as handle:
        return RoadmapReader(slug, shown, registry).read(handle.read())
