"""Roadmap files: their problems, with lines and "did you mean", and prerequisite cycles."""

from studyfolio.resources.registry import parse_registry
from studyfolio.roadmaps.graph import find_cycle, topological_order
from studyfolio.roadmaps.model import RoadmapReader, TopicPlace, topic_places

REGISTRY = parse_registry("- {id: isl, title: ISL, kind: book, url: 'https://www.statlearning.com/'}\n")


def read(text: str):
    return RoadmapReader("demo", "content/roadmaps/demo.yml", REGISTRY).read(text)


def problems(text: str) -> list[str]:
    return [d.format() for d in sorted(read(text).diagnostics)]


GOOD = """\
title: Demo
summary: A path.
stages:
  - title: First
    topics:
      - id: vectors
        title: Vectors
        resources: [isl]
      - id: dot-product
        title: Dot product
        prerequisites: [vectors]
  - title: Second
    topics:
      - id: matrices
        title: Matrices
        description: Moves *space*.
        prerequisites: [vectors, dot-product]
"""


def test_a_good_roadmap_reads_into_stages_and_edges():
    roadmap = read(GOOD)
    assert roadmap.diagnostics == []
    assert (roadmap.title, roadmap.summary, roadmap.url) == ("Demo", "A path.", "roadmaps/demo/")
    assert [s.title for s in roadmap.stages] == ["First", "Second"]
    assert [t.id for t in roadmap.topics()] == ["vectors", "dot-product", "matrices"]
    assert roadmap.edges() == [("vectors", "dot-product"), ("vectors", "matrices"), ("dot-product", "matrices")]
    matrices = roadmap.topic("matrices")
    assert (matrices.stage, matrices.line, matrices.description, matrices.description_line) == (1, 14, "Moves *space*.", 16)


def test_a_cycle_is_named():
    text = GOOD.replace("        prerequisites: [vectors]\n", "        prerequisites: [vectors, matrices]\n")
    assert problems(text) == [
        "content/roadmaps/demo.yml:17: prerequisite cycle: dot-product -> matrices -> dot-product\n"
        "    hint: each topic here is a prerequisite of the next, so none can come first;"
        " remove one of these prerequisites"
    ]


def test_unknown_ids_topics_in_two_stages_and_unknown_keys_are_all_reported():
    text = """\
title: Demo
sumary: typo
stages:
  - title: First
    topics:
      - id: vectors
        title: Vectors
        resources: [isll, nothing-like-it]
      - id: dot-product
        title: Dot product
        prerequisites: [vector]
        level: easy
  - title: Second
    topics:
      - id: vectors
        title: Vectors again
      - title: No id
      - id: Bad_Id
        title: x
"""
    assert problems(text) == [
        "content/roadmaps/demo.yml:2: unknown key 'sumary' in the roadmap\n    hint: did you mean 'summary'?",
        "content/roadmaps/demo.yml:8: unknown resource 'isll' in topic 'vectors'\n    hint: did you mean 'isl'?",
        "content/roadmaps/demo.yml:8: unknown resource 'nothing-like-it' in topic 'vectors'\n"
        "    hint: add it to content/resources.yml or fix the id",
        "content/roadmaps/demo.yml:11: unknown prerequisite 'vector' of topic 'dot-product'\n"
        "    hint: did you mean 'vectors'?",
        "content/roadmaps/demo.yml:12: unknown key 'level' in topic 'dot-product'\n"
        "    hint: allowed keys: id, title, description, prerequisites, resources",
        "content/roadmaps/demo.yml:15: topic 'vectors' is in two stages: 'First' and 'Second' (first on line 6)\n"
        "    hint: keep it in one stage and remove the other",
        "content/roadmaps/demo.yml:17: the topic on line 17 has no id\n"
        "    hint: add id: a-kebab-case-id (used in Topics: of notes)",
        "content/roadmaps/demo.yml:18: malformed topic id 'Bad_Id': expected lowercase words joined by '-'\n"
        "    hint: e.g. id: dot-product",
    ]


def test_missing_stages_and_bad_yaml():
    assert problems("title: x\n") == [
        "content/roadmaps/demo.yml:1: the roadmap has no stages\n"
        "    hint: add stages: a list of stages, each with topics"
    ]
    assert problems("title: [x\n") == [
        "content/roadmaps/demo.yml:2: invalid YAML: did not find expected ',' or ']'\n"
        "    hint: check the indentation and that every list item starts with '- '"
    ]


def test_find_cycle_and_topological_order():
    assert find_cycle("abc", [("a", "b"), ("b", "c")]) is None
    assert find_cycle("abcd", [("a", "b"), ("b", "c"), ("c", "b"), ("d", "a")]) == ["b", "c", "b"]
    assert find_cycle("a", [("a", "a")]) == ["a", "a"]
    assert topological_order(list("cab"), [("a", "b"), ("b", "c")]) == ["a", "b", "c"]


def test_each_topic_is_placed_on_the_first_roadmap_that_has_it():
    first = RoadmapReader("first", "content/roadmaps/first.yml", REGISTRY).read(GOOD)
    again = RoadmapReader("again", "content/roadmaps/again.yml", REGISTRY).read(GOOD.replace("Demo", "Again"))
    places = topic_places([first, again])
    assert places["dot-product"] == TopicPlace("Dot product", "roadmaps/first/#topic-dot-product", "Demo")
    assert sorted(places) == ["dot-product", "matrices", "vectors"]
    assert topic_places([]) == {}
