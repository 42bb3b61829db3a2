"""`studyfolio import obsidian`: the demo vault becomes Studyfolio notes that build to the same
pages and cards as the vault read in place; the vault is only read; nothing is replaced."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from sitebuild import ROOT, build_site, settings_text
from studyfolio.cli import main

VAULT = ROOT / "tests" / "fixtures" / "vault" / "content" / "notes"


def digest(folder) -> str:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return hashlib.sha256(b"".join(p.read_bytes() + str(p).encode() for p in files)).hexdigest()


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    root = tmp_path_factory.mktemp("imported")
    vault = root / "vault"
    shutil.copytree(VAULT, vault)
    before = digest(vault)
    assert main(["import", "obsidian", str(vault), "--content", str(root / "content")]) == 0
    assert digest(vault) == before  # the vault is only read
    (root / "conf.py").write_text(settings_text(root / "content"), encoding="utf-8")
    build = build_site(root / "conf.py", root / "output", cwd=root)
    assert build.returncode == 0, build.log
    return root, build


def test_notes_get_an_explicit_header_and_links_that_survive_the_move(imported):
    root, _ = imported
    text = (root / "content" / "notes" / "statistics-sample-variance.md").read_text()
    assert text.splitlines()[:5] == ["Title: Sample variance", "Date: 2026-02-10",
                                     "Tags: statistics, estimators", "Syntax: obsidian", ""]
    assert "see [[statistics-mean|Mean]]" in text  # a same-name note: the nearest, by slug
    assert "%%" not in text and "A comment over" not in text
    variance = (root / "content" / "notes" / "statistics-variance.md").read_text()
    assert "Aliases: spread, second central moment" in variance
    assert "<!--SR:!2026-12-20,16,250-->" in variance  # schedules stay where the plugin reads them
    assert (root / "content" / "images" / "histogram.png").read_bytes() == (VAULT / "Attachments" / "histogram.png").read_bytes()


def test_the_imported_site_has_the_vault_s_pages_and_cards(imported, tmp_path):
    _, build = imported
    vault = build_site(ROOT / "tests" / "fixtures" / "vault" / "vaultconf.py", tmp_path / "vault-out",
                       cwd=ROOT / "tests" / "fixtures" / "vault")
    pages = sorted(p.parent.name for p in (build.output / "notes").glob("*/index.html"))
    assert pages == sorted(p.parent.name for p in (vault.output / "notes").glob("*/index.html"))

    def cards(output):
        return sorted((c["question"], c["answer"], json.dumps(c.get("schedule")))
                      for c in json.loads((output / "cards.json").read_text())["cards"])

    assert cards(build.output) == cards(vault.output) and len(cards(build.output)) == 3
    note = build.page("notes/statistics-variance/index.html")
    assert note.cssselect(".callout") and note.cssselect('[id="^why-square"]')
    assert note.cssselect(".note-body img")[0].get("src") == "/images/histogram.png"


def test_a_second_import_replaces_nothing_and_says_what_is_in_the_way(imported, capsys):
    root, _ = imported
    before = digest(root / "content")
    assert main(["import", "obsidian", str(VAULT), "--content", str(root / "content")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"{root / 'content' / 'notes' / 'statistics-mean.md'}: is there already; the import replaces nothing" in err
    assert err[-1] == "Nothing imported: 7 file(s) in the way."
    assert digest(root / "content") == before


def test_a_dry_run_writes_nothing(tmp_path, capsys):
    assert main(["import", "obsidian", str(VAULT), "--content", str(tmp_path / "content"), "--dry-run"]) == 0
    assert capsys.readouterr().out == (
        f"Would import 6 note(s) (2 with cards, 3 review schedule(s)) into {tmp_path / 'content' / 'notes'}/,"
        f" 1 attachment(s) into {tmp_path / 'content' / 'images'}/; run without --dry-run to write them.\n")
    assert not (tmp_path / "content").exists()
