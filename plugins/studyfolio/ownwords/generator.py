"""After the notes are read: run the own-words check, add the optional badge, write the report.

The report page (OWNWORDS_REPORT_SAVE_AS, default ownwords/index.html; empty for none) is
for the author: it lists every note with its own share and its copied passages."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as etree

from pelican.generators import Generator

from ..core.pelican_api import prepend_html
from ..core.report import extra_diagnostics
from .check import (
    DEFAULT_MAX_COPIED,
    NoteCheck,
    SourceCache,
    check_note,
    max_copied_problem,
    percent,
)

logger = logging.getLogger("studyfolio")
DEFAULT_SAVE_AS = "ownwords/index.html"


def badge_html(check: NoteCheck) -> str:
    """`92% in my own words` above the note, naming the sources it was checked against."""
    badge = etree.Element("p", {
        "class": "ownwords-badge",
        "title": "Checked against " + ", ".join(check.sources),
    })
    etree.SubElement(badge, "strong").text = percent(check.overlap.own_share)
    badge[0].tail = " in my own words"
    return etree.tostring(badge, encoding="unicode", method="html")


class OwnWordsGenerator(Generator):
    """Checks every note against its named sources; writes the author's report page."""

    def generate_context(self) -> None:
        settings = self.settings
        problems = extra_diagnostics(self.context)
        setting_problem = max_copied_problem(settings)
        if setting_problem:
            problems.append(setting_problem)
            settings = {**settings, "OWNWORDS_MAX_COPIED": DEFAULT_MAX_COPIED}
        self.limit = settings.get("OWNWORDS_MAX_COPIED", DEFAULT_MAX_COPIED)
        notes = []
        for key in ("articles", "hidden_articles", "drafts"):
            notes.extend(self.context.get(key) or [])
        cache = SourceCache()
        self.checks = sorted(
            (check_note(note, settings, cache, problems) for note in notes), key=lambda c: c.path
        )
        measured = [c for c in self.checks if c.overlap is not None]
        if measured:
            over = sum(1 for c in measured if c.over)
            logger.info("Own words: %d note(s) checked against their sources, %d over the %s%% limit",
                        len(measured), over, self.limit)
        if settings.get("OWNWORDS_BADGE"):
            for check in measured:
                prepend_html(check.article, badge_html(check))

    def generate_output(self, writer) -> None:
        save_as = self.settings.get("OWNWORDS_REPORT_SAVE_AS", DEFAULT_SAVE_AS)
        if not save_as:
            return
        writer.write_file(
            save_as,
            self.get_template("ownwords"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=save_as.removesuffix("index.html"),
            checks=self.checks,
            measured=[c for c in self.checks if c.overlap is not None],
            limit=self.limit,
            percent=percent,
        )
