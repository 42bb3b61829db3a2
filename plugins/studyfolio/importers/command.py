"""`studyfolio import summary FILE [--slug S]`: a video summary page becomes a draft note.

Writes content/notes/<slug>.md, content/transcripts/<video id>.txt and new entries in
content/resources.yml (or the file STUDYFOLIO_RESOURCES names). Every file is replaced whole,
and a file that was there is kept as FILE.bak. Everything is read and checked before the first byte is written: unreadable input
writes nothing. Then it prints what it wrote and each part of the page it could not place."""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
from dataclasses import dataclass
from datetime import UTC, datetime

from ..core.atomic import write_learner_files
from ..core.settings import add_settings_option, settings_of
from .draft import draft_note, transcript_text
from .resources_file import ResourcesFileError, existing_entries, extended, plan, slug
from .summary_page import SummaryError, parse_summary

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?$")


class ImportError_(Exception):
    """A problem that stops the import; the message is what the learner reads."""


@dataclass(frozen=True)
class Write:
    path: str
    text: str


def read_page(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        raise ImportError_(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ImportError_(f"{path}: is a folder; give the text file of one summary page") from None
    except UnicodeDecodeError:
        raise ImportError_(f"{path}: not UTF-8 text; save the page as plain text (UTF-8)") from None
    except OSError as error:
        raise ImportError_(f"{path}: cannot be read ({error.strerror})") from None


def placeholder_title(video_id: str) -> str:
    return f"Notes on video {video_id}"


def prepare(args) -> tuple[list[Write], list[str]]:
    """The files to write and the lines to tell the learner, or ImportError_."""
    places = settings_of(args)
    try:
        summary = parse_summary(read_page(args.file))
    except SummaryError as error:
        raise ImportError_(f"{args.file}: {error}") from None
    content = places.content
    if not os.path.isdir(content):
        raise ImportError_(f"{content}: no such folder; run this in the site's folder or pass --content")
    # The page's own words reach Pelican's metadata as they are, and templates print it: escaped.
    title = " ".join((args.title or html.escape(summary.title, quote=False) or placeholder_title(summary.video_id)).split())
    name = args.slug or slug(title)[:60].strip("-")
    if not SLUG.match(name or ""):
        raise ImportError_(f"slug '{name}' is not lowercase words joined by '-', e.g. --slug rank-video")
    if args.date and not DATE.match(args.date):
        raise ImportError_(f"date '{args.date}' is not YYYY-MM-DD or YYYY-MM-DD HH:MM")
    date = args.date or datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
    note_path = os.path.join(content, "notes", f"{name}.md")
    if os.path.exists(note_path) and not args.force:
        raise ImportError_(f"{note_path} already exists; choose another --slug or pass --force to replace it (a backup is kept)")
    transcript_rel = f"transcripts/{summary.video_id}.txt"
    transcript_path = os.path.join(content, transcript_rel)
    transcript = transcript_text(summary)
    if os.path.exists(transcript_path) and not args.force:
        with open(transcript_path, encoding="utf-8", errors="replace") as handle:
            if handle.read() != transcript:
                raise ImportError_(f"{transcript_path} already exists with other text; pass --force to replace it")
    resources_path = places.in_content("STUDYFOLIO_RESOURCES")
    old = ""
    if os.path.exists(resources_path):
        with open(resources_path, encoding="utf-8") as handle:
            old = handle.read()
    try:
        planned = plan(summary, existing_entries(old, resources_path))
        new_text, placed = extended(old, planned, summary, resources_path)
    except ResourcesFileError as error:
        raise ImportError_(str(error)) from None
    note = draft_note(summary, title=title, date=date, transcript=transcript_rel if transcript else "", resources=placed)
    writes = [Write(note_path, note)]
    if transcript:
        writes.append(Write(transcript_path, transcript))
    report = [
        f"draft note {note_path}: {len(summary.topics)} sections, {len(summary.cards)} cards, "
        f"{len(summary.moments)} best moments, {len(summary.mentions)} resources mentioned",
        f"transcript {transcript_path}: {len(summary.transcript)} paragraphs"
        if transcript else "no transcript on the page: the own-words check has nothing to compare",
    ]
    new = [item for item in placed if item.new]
    kept = sorted({item.id for item in placed if not item.new})
    if new:
        writes.append(Write(resources_path, new_text))
        report.append(f"{len(new)} new resource(s) in {resources_path}; add the url of each:")
        report += [f"  {resources_path}:{item.line}: {item.id} ({item.mention.kind})" for item in new]
    if kept:
        report.append(f"already in {resources_path}: {', '.join(kept)}")
    if not (args.title or summary.title):
        report.append(f"the page carries no title: the note is titled '{title}'; "
                      f"set it with --title \"...\" or edit Title: in {note_path}")
    if summary.missing:
        report.append(f"sections not on the page: {', '.join(summary.missing)}")
    report += [f"{args.file}:{notice.line}: {notice.message}" if notice.line else f"{args.file}: {notice.message}"
               for notice in summary.notices]
    return writes, report


def unchanged(item: Write) -> bool:
    try:
        with open(item.path, encoding="utf-8") as handle:
            return handle.read() == item.text
    except (OSError, UnicodeDecodeError):
        return False


def write_all(writes: list[Write]) -> list[str]:
    """Write every file whole and on disk, all or none; the backups made of files it replaced."""
    return write_learner_files([(item.path, item.text) for item in writes if not unchanged(item)])


def run_summary(args) -> int:
    try:
        writes, report = prepare(args)
    except ImportError_ as error:
        print(f"studyfolio: {error}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    if args.dry_run:
        print("dry run, nothing written; would write:")
        for item in writes:
            print(f"  {item.path}")
    else:
        try:
            backups = write_all(writes)
        except OSError as error:
            print(f"studyfolio: {error.filename or ''}: cannot be written ({error.strerror});"
                  " nothing was written", file=sys.stderr)
            return 1
        report += [f"backup of the previous {os.path.basename(b)[:-4]}: {b}" for b in backups]
    print("\n".join(report))
    return 0


def add_commands(subparsers) -> None:
    parser = subparsers.add_parser("import", help="import material into draft notes")
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    summary = kinds.add_parser(
        "summary",
        help="a video summary page (saved as text) -> a draft note, its transcript and resources",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=__doc__,
    )
    summary.add_argument("file", help="the summary page as plain text")
    summary.add_argument("--title", help="the note's Title: (default: the page's title; such pages rarely carry one)")
    summary.add_argument("--slug", help="file name of the note (default: from the title)")
    add_settings_option(summary)
    summary.add_argument("--content", help="the site's content folder (default: the settings' PATH, else content)")
    summary.add_argument("--date", help="the note's Date: (default: now, UTC)")
    summary.add_argument("--force", action="store_true", help="replace an existing note or transcript (keeping .bak copies)")
    summary.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    summary.set_defaults(run=run_summary)
    from .obsidian import add_obsidian_command

    add_obsidian_command(kinds, add_settings_option)
