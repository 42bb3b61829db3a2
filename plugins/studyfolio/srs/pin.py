"""`studyfolio cards pin`: write each card's current id into its `/// card | question` block.

A card without an `id:` option takes its id from its question, so editing the question gives it
a new id and leaves its review history behind. Pinning writes the id it has now as an explicit
option; the question can then change freely. Ids are computed by the flashcards plugin's own
rules and confirmed against the last build's cards.json: an id the build does not know is never
written. `--dry-run` prints the diff; a real run copies every file it changes into a backup
folder first."""

from __future__ import annotations

import difflib
import io
import os
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..core.atomic import ReplaceOnClose
from ..core.settings import settings_of
from ..core.sourcemap import SourceMap
from .cards import CardsFileError, load_cards_json

OPTION = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:")
CLOZE = re.compile(r"\{\{c\d+::")
BACKUP_DIR = ".backup"


@dataclass
class Block:
    """One card block as written: its header line (1-based), question, options and body."""

    line: int
    indent: str
    question: str
    options: set[str] = field(default_factory=set)
    insert_at: int = 0  # index in the file's lines where an `id:` line goes
    body: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Pin:
    path: str
    line: int
    card_id: str


def note_slug(path: str, source: SourceMap) -> str:
    """The note's slug as the flashcards plugin makes it: `Slug:` metadata, else the file name's."""
    from ..flashcards.slugs import SlugRules

    given = source.metadata.values.get("slug", [])
    given = given[-1].split()[0] if given and given[-1].split() else ""
    return SlugRules.from_config({}).note({"slug": [given]} if given else {}, path)


def find_blocks(lines: list[str], source: SourceMap | None = None) -> list[Block]:
    """The card blocks of a note (with a question), outside code, as the note's source map
    finds them, with where an `id:` line would go. `lines` keep their line ends."""
    source = source or SourceMap("".join(lines))
    blocks = []
    for found in source.blocks:
        if found.name != "card" or found.quoted or not found.argument.strip():
            continue
        block = Block(found.line, found.prefix, found.argument.strip())
        for number in found.option_lines:
            option = OPTION.match(source.lines[number - 1][len(found.prefix):].strip())
            if option:
                block.options.add(option.group("key").lower())
        block.insert_at = found.option_lines[-1] if found.option_lines else found.line
        first, last = found.body
        last = last if found.end else len(lines)
        block.body = [lines[index - 1].rstrip("\r\n") for index in range(first, min(last, len(lines)) + 1)]
        blocks.append(block)
    return blocks


def flashcards_id(slug: str, block: Block) -> str:
    """The id the flashcards plugin gives a block without `id:` (see flashcards/render.py)."""
    from ..flashcards.ids import cloze_answers, derived_id

    if CLOZE.search(block.question):
        return derived_id(slug, cloze_answers(block.question))
    body = "\n".join(block.body)
    if CLOZE.search(body):
        return derived_id(slug, cloze_answers(body))
    return derived_id(slug, block.question)


def known(card_id: str, ids: set[str]) -> bool:
    """Whether the last build has this card (a cloze card as `<id>-c1`, `<id>-c2`...)."""
    return card_id in ids or any(i.startswith(card_id + "-c") and i[len(card_id) + 2:].isdigit() for i in ids)


def pin_note(path: str, lines: list[str], ids: set[str], id_for: Callable[[str, Block], str] = flashcards_id):
    """(new lines, pins made, blocks whose id the build does not confirm)."""
    source = SourceMap("".join(lines))
    slug = note_slug(path, source)
    out, pins, unconfirmed = list(lines), [], []
    for block in reversed(find_blocks(lines, source)):
        if "id" in block.options:
            continue
        card_id = id_for(slug, block)
        if not known(card_id, ids):
            unconfirmed.append(Pin(path, block.line, card_id))
            continue
        ending = "\r\n" if lines[block.line - 1].endswith("\r\n") else "\n"
        out.insert(block.insert_at, f"{block.indent}    id: {card_id}{ending}")
        pins.append(Pin(path, block.line, card_id))
    return out, pins[::-1], unconfirmed[::-1]


def notes_in(content: str) -> list[str]:
    found = []
    for folder, dirs, files in os.walk(os.path.join(content, "notes")):
        dirs.sort()
        found.extend(os.path.join(folder, name) for name in sorted(files) if name.endswith(".md"))
    return found


def read_note(path: str) -> list[str]:
    with open(path, "rb") as handle:
        return io.StringIO(handle.read().decode("utf-8"), newline="").readlines()


def run_pin(args) -> int:
    places = settings_of(args)
    content = places.content
    if not os.path.isdir(os.path.join(content, "notes")):
        print(f"studyfolio: no notes folder in {content}/ (give the content folder with --content)", file=sys.stderr)
        return 1
    try:
        ids = {card.id for card in load_cards_json(os.path.join(places.output, "cards.json"))}
    except CardsFileError as error:
        print(f"studyfolio: {error}", file=sys.stderr)
        return 1
    root = os.path.dirname(os.path.abspath(content))
    changes, unconfirmed = [], []
    unreadable = 0
    for path in notes_in(content):
        relative = os.path.relpath(path, root)
        try:
            lines = read_note(path)
        except UnicodeDecodeError as error:
            unreadable += 1
            line = error.object[: error.start].count(b"\n") + 1
            print(f"{relative}:{line}: not pinned: the byte at offset {error.start}"
                  f" (0x{error.object[error.start]:02x}) is not UTF-8;"
                  " save the note as UTF-8 and pin again", file=sys.stderr)
            continue
        if args.note and note_slug(path, SourceMap("".join(lines))) != args.note:
            continue
        new, pins, doubtful = pin_note(relative, lines, ids)
        unconfirmed.extend(doubtful)
        if pins:
            changes.append((path, relative, lines, new, pins))
    for pin in unconfirmed:
        print(
            f"{pin.path}:{pin.line}: not pinned: the last build has no card '{pin.card_id}';"
            " rebuild (make html) and pin again",
            file=sys.stderr,
        )
    count = sum(len(pins) for *_, pins in changes)
    if not changes:
        print("Every card block already has an id: nothing to pin." if not (unconfirmed or unreadable) else "Nothing pinned.")
        return 1 if unconfirmed or unreadable else 0
    if args.dry_run:
        for _, relative, old, new, _ in changes:
            sys.stdout.writelines(difflib.unified_diff(old, new, f"a/{relative}", f"b/{relative}"))
        print(f"Would pin {count} card id(s) in {len(changes)} note(s); run without --dry-run to write them.")
        return 0
    backup = os.path.join(root, BACKUP_DIR, "cards-pin-" + datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ"))
    for path, relative, *_ in changes:
        target = os.path.join(backup, relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(path, target)
    for path, _, _, new, pins in changes:
        with ReplaceOnClose(path, durable=True) as handle:
            handle.writelines(new)
        for pin in pins:
            print(f"{pin.path}:{pin.line}: id: {pin.card_id}")
    print(f"Pinned {count} card id(s) in {len(changes)} note(s); the files as they were are in"
          f" {os.path.relpath(backup, root)}/")
    return 1 if unreadable else 0


def add_pin_command(cards_commands) -> None:
    pin = cards_commands.add_parser(
        "pin",
        help="write each card's current id into its card block, so editing a question keeps its history",
        description="Add `id: <current id>` to every `/// card | question` block that has none, after"
        " checking the id against the last build's cards.json. Use --dry-run first to see the"
        " changes; a real run backs the files up into .backup/.",
    )
    from .commands import add_place_options

    add_place_options(pin, now=False)
    pin.add_argument("--note", help="only this note (its slug)")
    pin.add_argument("--dry-run", action="store_true", help="print the changes as a diff, write nothing")
    pin.set_defaults(run=run_pin)
