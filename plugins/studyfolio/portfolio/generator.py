"""The portfolio's pages and files: /profile/, a preview image per note and one for the site."""

from __future__ import annotations

import logging
import os
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from ..core.shared import MENTIONS, RESOURCES, ROADMAP_PROGRESS, STUDY_PROGRESS
from ..core.sitemap import sitemap_urls
from .previews import PreviewCard, PreviewStore
from .profile import RETENTION_DAYS, build_profile
from .share import PROFILE_URL, SITE_PREVIEW, plain, preview_path

logger = logging.getLogger("studyfolio")
PROFILE_SAVE_AS = "profile/index.html"
PLACEHOLDER_HOST = ".example.org"


def note_card(article, sitename: str) -> PreviewCard:
    cards = len(getattr(article, "flashcards", []) or [])
    level = getattr(article, "level", "") or ""
    eyebrow = " · ".join(part for part in (str(article.category), str(level)) if part)
    facts = [f"{getattr(article, 'reading_time', 0) or 1} min read"]
    if cards:
        facts.append(f"{cards} card{'s' if cards != 1 else ''}")
    return PreviewCard(title=plain(article.title), eyebrow=eyebrow,
                       facts=" · ".join(facts), site=sitename)


class PortfolioGenerator(Generator):
    """Runs after the notes are read; writes after every other generator has built its context."""

    def generate_context(self) -> None:
        sitemap_urls(self.context).append(PROFILE_URL)
        siteurl = str(self.settings.get("SITEURL") or "")
        if self.settings.get("STUDYFOLIO_STRICT") and PLACEHOLDER_HOST in siteurl:
            logger.warning(
                "SITEURL is the placeholder %s: link previews, the canonical links and the feeds point"
                " there; set STUDYFOLIO_SITEURL=https://your.site before `make publish`", siteurl,
            )

    def generate_output(self, writer) -> None:
        articles = list(self.context.get("articles") or [])
        sitename = str(self.settings.get("SITENAME") or "")
        cache = os.path.join(self.settings.get("CACHE_PATH") or "cache", "studyfolio-previews")
        store = PreviewStore(cache)
        for article in articles:
            store.place(note_card(article, sitename), os.path.join(self.output_path, preview_path(article.slug)))
        site_card = PreviewCard(title=str(self.settings.get("SITESUBTITLE") or sitename), eyebrow="Learning in public",
                                facts=f"{len(articles)} notes", site=sitename)
        store.place(site_card, os.path.join(self.output_path, SITE_PREVIEW))
        zone = ZoneInfo(self.settings.get("TIMEZONE") or "UTC")
        profile = build_profile(
            articles, STUDY_PROGRESS.get(self.context), ROADMAP_PROGRESS.get(self.context) or [],
            MENTIONS.get(self.context), RESOURCES.get(self.context), zone,
        )
        writer.write_file(
            PROFILE_SAVE_AS, self.get_template("profile"), self.context,
            relative_urls=self.settings.get("RELATIVE_URLS"), page_name="profile/index", url=PROFILE_URL,
            profile=profile, retention_days=RETENTION_DAYS,
            share_title="Learning profile",
            share_description=f"{profile.notes} notes, {profile.cards} flashcards and {profile.reviews} reviews"
            " on the way through the math behind machine learning.",
        )
