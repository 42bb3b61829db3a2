"""What one plugin hands another during a build: one typed record per key of Pelican's context,
all declared here.

The plugin that makes a record `put`s it; a plugin that uses it `get`s it and receives `None`
(or the default) when the maker is not enabled or has not run yet. So no plugin looks for
another by its name, and a key is spelled in one place. Templates read the records whose key
is a template variable (`study_progress`, `srs_mastery`, ...) by that name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Record(Generic[T]):
    key: str
    maker: str
    what: str

    def get(self, context: dict, default: Any = None) -> T | Any:
        return context.get(self.key, default)

    def put(self, context: dict, value: T) -> T:
        context[self.key] = value
        return value

    def made(self, context: dict) -> bool:
        return self.key in context

    def collect(self, context: dict) -> T:
        """A list several plugins add to: created empty by the first one that asks."""
        return context.setdefault(self.key, [])


NOTES = Record("studyfolio_notes", "discovery", "NoteCatalog: every note's title, URL and headings")
SERIES = Record("studyfolio_series", "discovery", "list of Series the notes are placed in")
CARDS = Record("studyfolio_cards", "flashcards", "SiteCards: the build's cards and their notes")
RESOURCES = Record("studyfolio_resources", "resources", "Registry of content/resources.yml")
MENTIONS = Record("studyfolio_resource_mentions", "resources",
                  "MentionIndex: the notes that cite each resource")
ROADMAPS = Record("studyfolio_roadmaps", "roadmaps", "list of Roadmap read from content/roadmaps/")
TOPIC_PLACES = Record("roadmap_topics", "roadmaps",
                      "dict topic id -> TopicPlace: its title and URL on the first roadmap that has it")
ROADMAP_PROGRESS = Record("studyfolio_roadmap_progress", "roadmaps",
                          "list of RoadmapProgress, one per roadmap")
REVIEW_LOG = Record("studyfolio_review_log", "srs",
                    "LogRead of content/reviews.jsonl, read once a build by the first plugin asking")
STUDY_PROGRESS = Record("study_progress", "srs", "StudyProgress: reviews and mastery per card")
MASTERY = Record("srs_mastery", "srs", "MasteryIndex: templates call srs_mastery.of(cards)")
HEATMAP = Record("study_heatmap", "srs", "Heatmap of reviews and notes per day")
REVIEW_URL = Record("review_url", "srs", "site-relative URL of the review page")
DIAGNOSTICS = Record("studyfolio_diagnostics", "any",
                     "list of Diagnostic that belong to no note (e.g. resources.yml)")
SITEMAP = Record("studyfolio_sitemap", "any", "list of site-relative URLs plugins' pages add")

RECORDS = (NOTES, SERIES, CARDS, RESOURCES, MENTIONS, ROADMAPS, TOPIC_PLACES, ROADMAP_PROGRESS,
           REVIEW_LOG, STUDY_PROGRESS, MASTERY, HEATMAP, REVIEW_URL, DIAGNOSTICS, SITEMAP)
