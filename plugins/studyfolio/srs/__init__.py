"""Spaced repetition: FSRS-6 scheduling, the review log, /review/, and `studyfolio review`."""

from pelican import signals

from .generator import ReviewGenerator
from .scheduler import DEFAULT_NEW_PER_DAY, DEFAULT_RETENTION, check_new_per_day, check_retention


class SettingsError(ValueError):
    """A Studyfolio review setting with a value it cannot use; Pelican prints the message."""


def check_settings(pelican) -> None:
    """Fail the build early, with the setting's name, when a review setting is unusable."""
    settings = pelican.settings
    try:
        check_retention(settings.get("STUDYFOLIO_DESIRED_RETENTION", DEFAULT_RETENTION))
        check_new_per_day(settings.get("STUDYFOLIO_NEW_CARDS_PER_DAY", DEFAULT_NEW_PER_DAY))
    except ValueError as error:
        raise SettingsError(str(error)) from None


def get_generators(pelican):
    return ReviewGenerator


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
