"""`studyfolio import obsidian VAULT`: an Obsidian vault becomes Studyfolio notes, for a learner
who moves for good (to publish a vault as it is, set STUDYFOLIO_OBSIDIAN instead).

Each note of the vault (its `.md` files outside dot folders) becomes content/notes/<slug>.md:
- the slug from its path in the vault (`Algebra/Linear maps.md` -> `algebra-linear-maps`), as
  vault mode makes its URL, so both give the same pages;
- an explicit header: `Title:` (the front matter's title, else the file name), `Date:` (the
  front matter's date or created, else the file's first git commit, else its modification
  time), `Tags:` (the front matter's and the text's #tags), `Syntax: obsidian` (callouts,
  #tags, highlights, block ids and the spaced repetition plugin's cards keep working);
- the text as it is, front matter and `%%comments%%` left out; wikilinks by path
  (`[[Algebra/Linear maps]]`) or by a file name that is not the title now point at the slug.
  Review schedules stay where the plugin wrote them (`<!--SR:...-->` after each card), which is
  where the build reads them (srs/seed.py).
Embedded attachments (`![[plot.png]]`) are copied into content/images/. The vault is only read.
Nothing is written when a note or an attachment would replace a file that is there: the files
in the way are listed, and the import stops. `--dry-run` prints the same summary, writing
nothing."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sys
from collections import namedtuple
from dataclasses import dataclass, field

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from ..core.atomic import write_learner_files
from ..core.decode import NotText, decode_note
from ..core.settings import settings_of
from ..core.source import NoteSource
from ..core.sourcemap import SourceMap
from ..core.vault import GIT_DATES, as_text, attachment_index, read_vault_note, vault_slug
from ..discovery.catalog import nearest

WIKILINK = re.compile(r"(?P<bang>!?)\[\[(?P<target>[^\[\]|#^\n]+)(?P<rest>[^\[\]\n]*)\]\]")
Place = namedtuple("Place", "key")  # a note by its path in the vault, as catalog.nearest wants


@dataclass
class VaultNote:
    path: str  # in the vault: Algebra/Linear maps.md
    slug: str
    title: str
    date: str
    tags: list[str]
    aliases: list[str]
    body: str
    cards: bool = False


@dataclass
class Plan:
    notes: list[VaultNote] = field(default_factory=list)
    attachments: dict[str, str] = field(default_factory=dict)  # vault path -> content path
    problems: list[str] = field(default_factory=list)


def slug_of(text: str) -> str:
    return slugify(text, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def vault_files(vault: str) -> list[str]:
    """The vault's notes, relative to it, outside dot folders (`.obsidian`, `.trash`)."""
    found = []
    for folder, dirs, files in os.walk(vault):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.relpath(os.path.join(folder, name), vault).replace(os.sep, "/")
                     for name in sorted(files) if name.endswith(".md"))
    return found


def read_note(vault: str, relative: str, plan: Plan) -> VaultNote | None:
    path = os.path.join(vault, relative)
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        decoded = decode_note(data)
    except NotText as error:
        plan.problems.append(f"{relative}:1: not imported: {error}")
        return None
    note = NoteSource(path=relative, text=decoded.text)
    read_vault_note(note, vault_slug(path, {"PATH": vault, "STUDYFOLIO_OBSIDIAN": True}, slug_of))
    meta = note.front_matter
    for problem in note.diagnostics:
        plan.problems.append(problem.format())
    when = meta.get("date", [""])[0]
    if not when:
        first = GIT_DATES.first_commit(path)
        when = (first or dt.datetime.fromtimestamp(int(os.stat(path).st_mtime))).strftime("%Y-%m-%d %H:%M")
    tags = [t for t in meta.get("tags", [""])[0].split(", ") if t]
    aliases = [a for a in meta.get("aliases", [""])[0].split(", ") if a]
    title = meta.get("title", [""])[0] or os.path.splitext(os.path.basename(relative))[0]
    return VaultNote(relative, meta["slug"][0], title, as_text(when).replace("T", " ")[:16], tags, aliases,
                     single_blank_lines(note.text), cards=any(t == "flashcards" or t.startswith("flashcards/") for t in tags))


def single_blank_lines(text: str) -> str:
    """`text` without its leading blank lines and with runs of blank lines (where the front
    matter and comments were) made one, outside code."""
    source = SourceMap(text)
    kept: list[str] = []
    for number, line in enumerate(source.lines, 1):
        if not line.strip() and (not kept or not kept[-1].strip()) and not source.in_code(number):
            continue
        kept.append(line)
    return "\n".join(kept)


def link_targets(notes: list[VaultNote]) -> tuple[dict[str, VaultNote], dict[str, list[VaultNote]]]:
    """Notes by their path without .md (folded) and by their file name (folded)."""
    by_path, by_name = {}, {}
    for note in notes:
        stem = note.path.removesuffix(".md")
        by_path[stem.casefold()] = note
        by_name.setdefault(stem.rsplit("/", 1)[-1].casefold(), []).append(note)
    return by_path, by_name


def rewrite_links(note: VaultNote, by_path: dict, by_name: dict) -> str:
    """The note's text with wikilinks by path or file name pointing at slugs (a same-name note
    chosen as vault mode chooses it: catalog.nearest)."""
    def replace(match):
        target = match.group("target").strip()
        found = by_path.get(target.casefold().removesuffix(".md"))
        if found is None:
            named = by_name.get(target.casefold(), [])
            chosen = nearest([Place(n.path) for n in named], Place(note.path)) if len(named) > 1 else None
            found = named[0] if len(named) == 1 else next((n for n in named if chosen and n.path == chosen.key), None)
        unique = len(by_name.get(target.casefold(), [])) <= 1
        if found is None or (unique and found.title.casefold() == target.casefold()):
            return match.group(0)
        rest = match.group("rest")
        shown = "" if "|" in rest or match.group("bang") else f"|{target}"
        return f"{match.group('bang')}[[{found.slug}{rest}{shown}]]"

    return WIKILINK.sub(replace, note.body)


def note_text(note: VaultNote, body: str) -> str:
    header = [f"Title: {note.title}", f"Date: {note.date}"]
    if note.tags:
        header.append(f"Tags: {', '.join(note.tags)}")
    if note.aliases:
        header.append(f"Aliases: {', '.join(note.aliases)}")
    header.append("Syntax: obsidian")
    return "\n".join(header) + "\n\n" + body.rstrip("\n") + "\n"


def plan_import(vault: str, content: str) -> tuple[Plan, list[tuple[str, str]]]:
    """What the import would do, and the (path, text) of each note to write."""
    plan = Plan()
    for relative in vault_files(vault):
        found = read_note(vault, relative, plan)
        if found is not None:
            plan.notes.append(found)
    by_path, by_name = link_targets(plan.notes)
    writes = []
    files = attachment_index(vault)
    for note in plan.notes:
        writes.append((os.path.join(content, "notes", f"{note.slug}.md"), note_text(note, rewrite_links(note, by_path, by_name))))
        for match in WIKILINK.finditer(note.body):
            source = files.get(match.group("target").strip().casefold()) if match.group("bang") else None
            if source and source not in plan.attachments:
                plan.attachments[source] = os.path.join(content, "images", os.path.basename(source))
    return plan, writes


def run_obsidian(args) -> int:
    vault = args.vault
    if not os.path.isdir(vault):
        print(f"studyfolio: {vault}: no such folder (give the vault's folder)", file=sys.stderr)
        return 1
    content = args.content or settings_of(args).content
    plan, writes = plan_import(vault, content)
    for problem in plan.problems:
        print(problem, file=sys.stderr)
    targets = [path for path, _ in writes] + list(plan.attachments.values())
    taken = [path for path in targets if os.path.exists(path)]
    clashes = sorted({path for path in targets if targets.count(path) > 1})
    for path in taken:
        print(f"{path}: is there already; the import replaces nothing", file=sys.stderr)
    for path in clashes:
        print(f"{path}: two files of the vault would be written here; rename one of them", file=sys.stderr)
    cards = sum(1 for note in plan.notes if note.cards)
    schedules = sum(note.body.count("<!--SR:") for note in plan.notes)
    summary = (f"{len(plan.notes)} note(s) ({cards} with cards, {schedules} review schedule(s)) into"
               f" {os.path.join(content, 'notes')}/, {len(plan.attachments)} attachment(s) into"
               f" {os.path.join(content, 'images')}/")
    if taken or clashes:
        print(f"Nothing imported: {len(taken) + len(clashes)} file(s) in the way.", file=sys.stderr)
        return 1
    if args.dry_run:
        print(f"Would import {summary}; run without --dry-run to write them.")
        return 0
    write_learner_files(writes)
    for source, target in plan.attachments.items():
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(os.path.join(vault, source), target)
    print(f"Imported {summary}. The vault was only read.")
    return 1 if plan.problems else 0


def add_obsidian_command(kinds, add_settings_option) -> None:
    parser = kinds.add_parser("obsidian", help="an Obsidian vault -> Studyfolio notes (the vault is only read)",
                              description=__doc__)
    parser.add_argument("vault", help="the vault's folder")
    add_settings_option(parser)
    parser.add_argument("--content", help="the site's content folder (default: the settings' PATH, else content)")
    parser.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    parser.set_defaults(run=run_obsidian)
