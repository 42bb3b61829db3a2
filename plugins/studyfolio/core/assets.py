"""The theme's stylesheets and scripts served as a few bundles instead of one file per feature.

A page's first paint waits for every stylesheet and render-blocking script it names, and on a
cold load each file is one more request. The theme keeps one source file per feature
(theme/static/css, theme/static/js, copied to the output as they are); the build joins them
into the bundles below, written next to them (output/theme/css/studyfolio.css, ...). The
templates name only the bundles. A site can give its own bundles with STUDYFOLIO_BUNDLES."""

from __future__ import annotations

import os

from pelican.generators import Generator

from .atomic import write_if_changed
from .diagnostics import Diagnostic
from .report import extra_diagnostics

# Bundle -> its sources, in order (later CSS wins where rules are equal), relative to the theme's
# static folder.
BUNDLES = {
    # Every page: the site's look and every feature's (about 13 KB gzipped), print rules last.
    "css/studyfolio.css": (
        "css/site.css", "css/math.css", "css/pygments.css", "css/ownwords.css", "css/discovery.css",
        "css/flashcards.css", "css/resources.css", "css/roadmap.css", "css/study.css",
        "css/review.css", "css/portfolio.css", "css/print.css",
    ),
    # Every page, deferred: the theme switch, the phone menu, search, the deck pages' "Show all answers",
    # on long notes the section being read marked in "On this page", and a tab stop on each block
    # that scrolls sideways.
    "js/site.js": ("js/theme.js", "js/nav.js", "js/search.js", "js/flashcards.js", "js/toc.js", "js/scroll.js"),
    # /review/: FSRS, the review log, the session (queue, undo, counters), this browser's saved
    # log and the review page itself (render-blocking: the first paint shows the first card).
    "js/review-page.js": (
        "js/fsrs.js", "js/srslog.js", "js/review-session.js", "js/review-store.js", "js/review.js",
    ),
    # Every page with a review page, loaded by nav.js when idle: the cards due now, for the menu.
    "js/review-due.js": ("js/fsrs.js", "js/srslog.js", "js/due.js"),
    # The 404 page: the missing address's words in its search box and "Did you mean?".
    "js/not-found-page.js": ("js/not-found.js",),
    # Deck pages: mastery now, from the same FSRS and review log.
    "js/deck-page.js": ("js/fsrs.js", "js/srslog.js", "js/mastery.js"),
}


def bundles_of(settings: dict) -> dict[str, tuple[str, ...]]:
    return settings.get("STUDYFOLIO_BUNDLES") or BUNDLES


class ThemeBundles:
    """Joins each bundle's sources from the theme's static folders."""

    def __init__(self, theme: str, settings: dict):
        self.folders = [os.path.join(theme, folder) for folder in settings.get("THEME_STATIC_PATHS", ["static"])]
        self.bundles = bundles_of(settings)
        self.site_root = os.path.dirname(os.path.abspath(settings["PATH"]))

    def find(self, source: str) -> str | None:
        for folder in self.folders:
            path = os.path.join(folder, source)
            if os.path.isfile(path):
                return path
        return None

    def missing(self) -> list[Diagnostic]:
        """A source that no static folder holds: the bundle would lose its rules or code."""
        found = []
        for bundle, sources in self.bundles.items():
            for source in sources:
                if self.find(source) is None:
                    path = os.path.abspath(os.path.join(self.folders[0], source))
                    if path.startswith(self.site_root + os.sep):  # the site's own theme/
                        path = os.path.relpath(path, self.site_root)
                    found.append(Diagnostic(
                        path, 1, f"theme file not found; bundle {bundle} names it",
                        "restore the file, or take it out of STUDYFOLIO_BUNDLES"))
        return found

    def text(self, bundle: str) -> str:
        parts = []
        for source in self.bundles[bundle]:
            path = self.find(source)
            if path is not None:
                with open(path, encoding="utf-8") as handle:
                    parts.append(f"/* {source} */\n{handle.read().rstrip()}\n")
        return "\n".join(parts)

    def write(self, folder: str) -> list[str]:
        """Each bundle whose text changed, replaced whole (a page loading while the dev server
        rebuilds never gets half a stylesheet); the paths written."""
        written = []
        for bundle in self.bundles:
            path = os.path.join(folder, bundle)
            if write_if_changed(path, self.text(bundle)):
                written.append(path)
        return written


class BundlesGenerator(Generator):
    """Writes the theme's bundles into THEME_STATIC_DIR with the rest of the theme's files."""

    def generate_context(self):
        self.bundles = ThemeBundles(self.theme, self.settings)
        extra_diagnostics(self.context).extend(self.bundles.missing())

    def generate_output(self, writer):
        self.bundles.write(os.path.join(self.output_path, self.settings.get("THEME_STATIC_DIR", "theme")))
