"""`studyfolio cards pin`: write each card's current id into its `/// card | question` block.

A card without an `id:` option takes its id from its question, so editing the question gives it
a new id and leaves its review history behind. Pinning writes the id it has now as an explicit
option; the question can then change freely. `--dry-run` prints the diff; a real run copies
every file it changes into a backup folder first."""

from __future__ import annotations

import difflib
import os
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

CARD_HEADER = re.compile(r"^(?P<indent>[ \t]*)/{3,}[ \t]*card\b[ \t]*(?:\|[ \t]*(?P<question>.*?))?[ \t]*$")
FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
SLUG_META = re.compile(r"^slug:[ \t]*(?P<slug>\S+)[ \t]*$", re.IGNORECASE)
OPTION = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:")
BACKUP_DIR = ".backup"


@dataclass(frozen=True)
class Pin:
    """One card block that gets an id: where its header is and the id written."""

    path: str
    line: int
    question: str
    card_id: str


def note_slug(path: str, lines: list[str]) -> str:
    """The note's slug: its `Slug:` metadata, else the file name (the site's SLUGIFY_SOURCE)."""
    for line in lines:
        if not line.strip():
            break
        match = SLUG_META.match(line.strip())
        if match:
            return match.group("slug")
    return os.path.splitext(os.path.basename(path))[0]


def pin_lines(path: str, lines: list[str], id_for: Callable[[str, str], str]) -> tuple[list[str], list[Pin]]:
    """`lines` (with their line ends) with an `id:` option added to each card block lacking one."""
    slug = note_slug(path, lines)
    out, pins = [], []
    fence = None
    index = 0
    while index < len(lines):
        line = lines[index]
        out.append(line)
        index += 1
        fenced = FENCE.match(line)
        if fence is None and fenced:
            fence = fenced.group("fence")
            continue
        if fence is not None:
            if line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
                fence = None
            continue
        header = CARD_HEADER.match(line.rstrip("\r\n"))
        if not header or not (header.group("question") or "").strip():
            continue
        header_line = index  # 1-based: index already moved past the header
        option_indent = header.group("indent") + "    "
        keys = set()
        while index < len(lines) and lines[index].startswith(option_indent) and lines[index].strip():
            option = OPTION.match(lines[index][len(option_indent):])
            if option:
                keys.add(option.group("key").lower())
            out.append(lines[index])
            index += 1
        if "id" in keys:
            continue
        question = header.group("question").strip()
        card_id = id_for(slug, question)
        ending = "\r\n" if line.endswith("\r\n") else "\n"
        out.append(f"{option_indent}id: {card_id}{ending}")
        pins.append(Pin(path, header_line, question, card_id))
    return out, pins


def notes_in(content: str) -> list[str]:
    found = []
    for folder, dirs, files in os.walk(os.path.join(content, "notes")):
        dirs.sort()
        found.extend(os.path.join(folder, name) for name in sorted(files) if name.endswith(".md"))
    return found


def derived_id(slug: str, question: str) -> str:
    """The flashcards plugin's id for a card without an explicit one."""
    from ..flashcards.ids import derived_id as flashcards_id

    return flashcards_id(slug, question)


def run_pin(args, id_for: Callable[[str, str], str] = derived_id) -> int:
    content = args.content
    if not os.path.isdir(os.path.join(content, "notes")):
        print(f"studyfolio: no notes folder in {content}/ (give the content folder with --content)", file=sys.stderr)
        return 1
    root = os.path.dirname(os.path.abspath(content))
    changes = []
    for path in notes_in(content):
        with open(path, encoding="utf-8", newline="") as handle:
            lines = handle.read().splitlines(keepends=True)
        if args.note and note_slug(path, lines) != args.note:
            continue
        new, pins = pin_lines(os.path.relpath(path, root), lines, id_for)
        if pins:
            changes.append((path, lines, new, pins))
    count = sum(len(pins) for *_, pins in changes)
    if not changes:
        print("Every card block already has an id: nothing to pin.")
        return 0
    if args.dry_run:
        for path, old, new, _ in changes:
            relative = os.path.relpath(path, root)
            sys.stdout.writelines(difflib.unified_diff(old, new, f"a/{relative}", f"b/{relative}"))
        print(f"Would pin {count} card id(s) in {len(changes)} note(s); run without --dry-run to write them.")
        return 0
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup = os.path.join(root, BACKUP_DIR, f"cards-pin-{stamp}")
    for path, *_ in changes:
        target = os.path.join(backup, os.path.relpath(path, root))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(path, target)
    for path, _, new, _ in changes:
        temporary = path + ".pin-tmp"
        with open(temporary, "w", encoding="utf-8", newline="") as handle:
            handle.writelines(new)
        os.replace(temporary, path)
    for _, _, _, pins in changes:
        for pin in pins:
            print(f"{pin.path}:{pin.line}: id: {pin.card_id}")
    print(f"Pinned {count} card id(s) in {len(changes)} note(s); the files as they were are in {os.path.relpath(backup, root)}/")
    return 0


def add_pin_command(cards_commands) -> None:
    pin = cards_commands.add_parser(
        "pin",
        help="write each card's current id into its card block, so editing a question keeps its history",
        description="Add `id: <current id>` to every `/// card | question` block that has no id."
        " Use --dry-run first to see the changes; a real run backs the files up into .backup/.",
    )
    pin.add_argument("--content", default="content", help="the content folder (default: content)")
    pin.add_argument("--note", help="only this note (its slug)")
    pin.add_argument("--dry-run", action="store_true", help="print the changes as a diff, write nothing")
    pin.set_defaults(run=run_pin)
