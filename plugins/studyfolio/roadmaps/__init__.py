"""Roadmaps: content/roadmaps/<slug>.yml as pages with topics, progress and a prerequisite graph."""

from pelican import signals

from .generator import RoadmapsGenerator


def get_generators(pelican):
    return RoadmapsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
