"""Spaced repetition: FSRS-6 scheduling, the review log, /review/, and `studyfolio review`."""

from pelican import signals

from .generator import ReviewGenerator


def get_generators(pelican):
    return ReviewGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
