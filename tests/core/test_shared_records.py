"""The records plugins hand each other: declared once in core/shared.py, and really used."""

import pathlib
import re

from studyfolio.core import shared
from studyfolio.core.shared import NOTES, SITEMAP, Record

PLUGINS = pathlib.Path(shared.__file__).parents[1]


def test_a_record_is_absent_until_its_maker_puts_it():
    context = {}
    assert NOTES.get(context) is None and not NOTES.made(context)
    assert NOTES.get(context, "none yet") == "none yet"
    catalog = object()
    assert NOTES.put(context, catalog) is catalog
    assert NOTES.made(context) and context["studyfolio_notes"] is catalog


def test_a_shared_list_is_made_once_and_added_to():
    context = {}
    SITEMAP.collect(context).append("roadmaps/")
    SITEMAP.collect(context).append("resources/")
    assert context["studyfolio_sitemap"] == ["roadmaps/", "resources/"]


def test_every_key_is_declared_once():
    keys = [record.key for record in shared.RECORDS]
    assert len(keys) == len(set(keys))
    declared = {name for name, value in vars(shared).items() if isinstance(value, Record)}
    assert len(declared) == len(shared.RECORDS)


def test_no_plugin_spells_a_record_key_outside_core_shared():
    spelled = re.compile("|".join(re.escape(f'"{record.key}"') for record in shared.RECORDS))
    found = [
        f"{path.relative_to(PLUGINS)}:{number}"
        for path in PLUGINS.rglob("*.py") if path.name != "shared.py"
        for number, line in enumerate(path.read_text().splitlines(), 1) if spelled.search(line)
    ]
    assert found == []
