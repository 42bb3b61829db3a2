"""cards.json for a built fixture site, read off its note pages, in the flashcards contract's shape.

Used while the site is built without the flashcards plugin; once it is there, it writes the file."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import html as lxml_html


def write_cards_json(output: Path) -> Path:
    target = output / "cards.json"
    if target.exists():
        return target
    cards = []
    for page in sorted((output / "notes").glob("*/index.html")):
        root = lxml_html.fromstring(page.read_bytes())
        slug = page.parent.name
        title = root.findtext(".//h1")
        for details in root.xpath('//details[contains(@class, "card")][@data-card-id]'):
            summary = details.find("summary")
            answer = details.find_class("card-answer")[0]
            cards.append(
                {
                    "id": details.get("data-card-id"),
                    "note": {"slug": slug, "title": title, "url": f"notes/{slug}/"},
                    "question": "".join([summary.text or ""] + [lxml_html.tostring(c, encoding="unicode") for c in summary]),
                    "answer": "".join(lxml_html.tostring(c, encoding="unicode") for c in answer),
                    "level": details.get("data-level"),
                    "tags": (details.get("data-tags") or "").split(),
                    "video_url": None,
                    "cloze": None,
                    "kind": "basic",
                }
            )
    target.write_text(json.dumps({"format": "studyfolio-cards", "version": 1, "cards": cards}, indent=1))
    return target
