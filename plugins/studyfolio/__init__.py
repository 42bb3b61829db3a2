"""Studyfolio: Pelican plugins for learning in public."""

__version__ = "0.1.0"
