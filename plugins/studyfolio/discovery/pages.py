"""The pages discovery adds to a site: one per series, the list of series, and /search/."""

from __future__ import annotations

from pelican.generators import Generator

from ..core.shared import SERIES
from ..core.sitemap import sitemap_urls
from .series import setting

SEARCH_DEFAULTS = {"SEARCH_URL": "search/", "SEARCH_SAVE_AS": "search/index.html"}


def search_enabled(settings: dict) -> bool:
    return bool(settings.get("STUDYFOLIO_SEARCH", True))


class DiscoveryPagesGenerator(Generator):
    """Writes series/<slug>/, series/ and search/ through the theme's templates."""

    def generate_context(self) -> None:
        all_series = SERIES.collect(self.context)
        if all_series:
            index = setting(self.settings, "SERIES_INDEX_URL")
            sitemap_urls(self.context).extend([index, *(series.url for series in all_series)])
        self.context["SERIES_INDEX_URL"] = setting(self.settings, "SERIES_INDEX_URL")
        self.context["SEARCH_URL"] = self.settings.get("SEARCH_URL", SEARCH_DEFAULTS["SEARCH_URL"])

    def write(self, writer, save_as: str, template: str, url: str, **extra) -> None:
        writer.write_file(
            save_as, self.get_template(template), self.context,
            relative_urls=self.settings["RELATIVE_URLS"], url=url, **extra,
        )

    def generate_output(self, writer) -> None:
        all_series = SERIES.get(self.context, [])
        for series in all_series:
            self.write(writer, series.save_as, "series", series.url, series=series)
        if all_series:
            self.write(
                writer, setting(self.settings, "SERIES_INDEX_SAVE_AS"), "series_index",
                setting(self.settings, "SERIES_INDEX_URL"), all_series=all_series,
            )
        if search_enabled(self.settings):
            save_as = self.settings.get("SEARCH_SAVE_AS", SEARCH_DEFAULTS["SEARCH_SAVE_AS"])
            self.write(writer, save_as, "search", self.context["SEARCH_URL"])
