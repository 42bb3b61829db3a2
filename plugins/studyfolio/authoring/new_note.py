"""`studyfolio new "Title" [--area A] [--topics a,b]`: a new draft note, laid out for study.

Writes content/notes/<slug>.md: its metadata, then the method's sections (in my own words, the
formula in plain English, how the resources compare, cards), each with a prompt the reader
never sees. Everything is checked first: the area against the Category: of the existing notes,
the topics against the roadmaps, the level, the video and the date. A problem writes nothing,
and a file that is there is never replaced."""

from __future__ import annotations

import argparse
import glob
import os
import re
import sys
from collections import Counter
from datetime import datetime
from urllib.parse import urlsplit

from unidecode import unidecode  # Pelican's own transliteration for slugs

from ..core.atomic import ReplaceOnClose
from ..core.diagnostics import did_you_mean
from ..core.metadata import LEVELS, split_list
from ..core.settings import CommandSettings, add_settings_option, settings_of
from ..core.sourcemap import normalised, read_metadata
from .skeleton import body

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?$")
SLUG_LONGEST = 60


class NewNoteError(Exception):
    """A problem that stops the command: what is wrong, then hints for the learner."""

    def __init__(self, message: str, *hints: str):
        super().__init__(message)
        self.hints = [hint for hint in hints if hint]


def slug_of(text: str) -> str:
    """Lowercase ASCII words joined by '-': 'Théorème de Bayes' -> 'theoreme-de-bayes'."""
    ascii_text = re.sub(r"['’]", "", unidecode(text)).lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([*kept, word])) > SLUG_LONGEST:
            break
        kept.append(word)
    return "-".join(kept)[:SLUG_LONGEST]


def header_value(path: str, key: str) -> str:
    """The value of `key` in a note's metadata header, as the build reads it, or ''."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return ""
    return read_metadata(normalised(text).split("\n")).value(key)


def site_areas(notes: str) -> list[str]:
    """The site's areas: the Category: values of its notes, sorted without regard to case; of
    spellings with one slug ('Linear algebra', 'linear algebra'), the one most notes use."""
    paths = glob.glob(os.path.join(notes, "*.md"))
    used = Counter(header_value(path, "category") for path in paths)
    spellings: dict[str, str] = {}
    for area in sorted((a for a in used if slug_of(a)), key=lambda a: (-used[a], a)):
        spellings.setdefault(slug_of(area), area)
    return sorted(spellings.values(), key=str.casefold)


def resolve_area(given: str, areas: list[str]) -> str:
    """The area named by its name or its slug, in any case; a new site's first area as given."""
    by_slug = {slug_of(area): area for area in areas}
    if slug_of(given) in by_slug:
        return by_slug[slug_of(given)]
    if not areas and slug_of(given):
        return " ".join(given.split())
    if not areas:
        raise NewNoteError(f"area '{given}' has no letters or digits",
                           'e.g. --area "Linear algebra"')
    raise NewNoteError(
        f"unknown area '{given}'; the areas are {', '.join(areas)}",
        did_you_mean(slug_of(given) or given, by_slug)
        or f"give an area's name or its slug (e.g. --area {slug_of(areas[0])}); for a new area,"
        " leave --area out and write `Category: Its name` in the note",
    )


def roadmap_topics(places: CommandSettings) -> list[str] | None:
    """Every topic id of content/roadmaps/*.yml (STUDYFOLIO_ROADMAPS); None when the site has
    no roadmap."""
    from ..resources.registry import Registry  # these import Pelican: only for --topics
    from ..roadmaps.generator import roadmap_files
    from ..roadmaps.model import load_roadmap

    paths = roadmap_files({**places.values, "PATH": places.content})
    if not paths:
        return None
    topics: list[str] = []
    for path in paths:
        try:
            roadmap = load_roadmap(path, Registry())
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or error
            raise NewNoteError(f"{path}: cannot be read ({reason})") from None
        if not roadmap.stages and roadmap.diagnostics:
            raise NewNoteError(f"{path}: not a roadmap the build can read",
                               "run `make html` to see why, or leave --topics out")
        topics += [topic.id for topic in roadmap.topics()]
    return sorted(set(topics))


def check_topics(given: str, places: CommandSettings) -> list[str]:
    topics = list(dict.fromkeys(split_list(given)))
    if not topics:
        raise NewNoteError("--topics names no topic",
                           "write topic ids joined by commas, e.g. --topics vectors,dot-product")
    for topic in topics:
        if not SLUG.match(topic):
            raise NewNoteError(f"topic id '{topic}' is not lowercase words joined by '-'",
                               f"e.g. --topics {slug_of(topic) or 'dot-product'}")
    known = roadmap_topics(places)
    if known is None:
        return topics
    unknown = [topic for topic in topics if topic not in known]
    if unknown:
        where = places.in_content("STUDYFOLIO_ROADMAPS")
        names = ", ".join(f"'{topic}'" for topic in unknown)
        hints = [did_you_mean(t, known) or "add it to a roadmap or fix the id" for t in unknown]
        if len(unknown) == 1:
            raise NewNoteError(f"unknown topic {names}: no roadmap in {where}/ has it", *hints)
        hints = [f"'{topic}': {hint}" for topic, hint in zip(unknown, hints, strict=True)]
        raise NewNoteError(f"unknown topics {names}: no roadmap in {where}/ has them", *hints)
    return topics


def check_level(given: str) -> str:
    level = next((name for name in LEVELS if name.lower() == given.strip().lower()), None)
    if level is None:
        raise NewNoteError(f"unknown level '{given}'; expected Beginner, Intermediate or Advanced",
                           did_you_mean(given.strip().capitalize(), LEVELS))
    return level


def check_video(given: str) -> str:
    url = given.strip()
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc and not re.search(r"\s", url):
        return url
    looks_like_host = not parts.scheme and "." in url.split("/")[0] and " " not in url
    raise NewNoteError(
        f"--video must be a web address starting with https:// or http://, got '{given}'",
        f"did you mean 'https://{url}'?" if looks_like_host
        else "write the full URL, e.g. https://www.youtube.com/watch?v=VIDEO_ID",
    )


def note_date(given: str | None) -> str:
    if given is None:
        return datetime.now().strftime("%Y-%m-%d %H:%M")
    try:
        if DATE.match(given):
            datetime.strptime(given, "%Y-%m-%d %H:%M" if " " in given else "%Y-%m-%d")
            return given
    except ValueError:
        pass
    raise NewNoteError(f"date '{given}' is not a date as YYYY-MM-DD HH:MM",
                       'e.g. --date "2026-10-10 09:00"')


def note_slug(title: str, given: str | None) -> str:
    if given is not None:
        if not SLUG.match(given):
            raise NewNoteError(f"slug '{given}' is not lowercase words joined by '-'",
                               f"e.g. --slug {slug_of(given) or 'my-note'}")
        return given
    made = slug_of(title)
    if not made:
        raise NewNoteError(
            f"the title '{title}' gives no file name (no letters or digits in ASCII)",
            "choose one with --slug, e.g. --slug my-note",
        )
    return made


def prepare(args) -> tuple[str, list[str], str, list[str]]:
    """The note's path, metadata lines, whole text and the notices to print; or NewNoteError."""
    title = " ".join(args.title.split())
    if not title:
        raise NewNoteError("the title is empty", 'e.g. studyfolio new "Eigenvalues, my way"')
    places = settings_of(args)
    if not os.path.isdir(places.content):
        raise NewNoteError(
            f"{places.content}: no such folder",
            "run this in the site's folder (the one with pelicanconf.py) or pass --content",
        )
    slug = note_slug(title, args.slug)
    notes = os.path.join(places.content, "notes")
    path = os.path.join(notes, f"{slug}.md")
    if os.path.lexists(path):
        raise NewNoteError(f"{path} already exists; choose another --slug")
    meta = [f"Title: {title}", f"Date: {note_date(args.date)}"]
    areas = site_areas(notes)
    notices = []
    if args.area is not None:
        meta.append(f"Category: {resolve_area(args.area, areas)}")
    elif areas:
        notices.append(f"no --area: the note has no Category: line; add one of {', '.join(areas)}")
    meta.append("Status: draft")
    if args.level is not None:
        meta.append(f"Level: {check_level(args.level)}")
    if args.topics is not None:
        meta.append(f"Topics: {', '.join(check_topics(args.topics, places))}")
    if args.video is not None:
        meta.append(f"Video: {check_video(args.video)}")
    text = "\n".join(meta) + "\n\n" + body(slug, video=args.video is not None)
    return path, meta, text, notices


def write_new(path: str, text: str) -> None:
    """Write the note whole and on disk; a file that appeared meanwhile is left alone."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    except OSError as error:
        raise NewNoteError(f"{os.path.dirname(path)}: cannot be made ({error.strerror})") from None
    if os.path.lexists(path):
        raise NewNoteError(f"{path} already exists; choose another --slug")
    try:
        with ReplaceOnClose(path, durable=True) as handle:
            handle.write(text)
    except OSError as error:
        raise NewNoteError(f"{path}: cannot be written ({error.strerror or error})") from None


def fail(error: NewNoteError) -> int:
    print(f"studyfolio: {error}", file=sys.stderr)
    for hint in error.hints:
        print(f"hint: {hint}", file=sys.stderr)
    return 1


def run_new(args) -> int:
    try:
        path, meta, text, notices = prepare(args)
        if not args.dry_run:
            write_new(path, text)
    except NewNoteError as error:
        return fail(error)
    if args.dry_run:
        print(f"dry run, nothing written; would write {path}:")
        print("\n".join(f"  {line}" for line in meta))
    else:
        print(f"wrote {path}")
    for notice in notices:
        print(notice)
    slug = os.path.splitext(os.path.basename(path))[0]
    print(f"next: edit it, then `make serve` and open http://localhost:8000/drafts/{slug}.html;"
          " remove `Status: draft` to publish")
    return 0


def add_commands(subparsers) -> None:
    parser = subparsers.add_parser(
        "new",
        help="start a new note: a draft with the study method's sections",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=__doc__,
    )
    parser.add_argument("title", help="the note's Title:")
    add = parser.add_argument
    add("--area", help="its Category:, an area of the site by name or slug (e.g. linear-algebra)")
    add("--level", help="Beginner, Intermediate or Advanced (any case)")
    add("--video", help="the source video's full URL")
    add("--topics", help="roadmap topic ids, joined by commas (e.g. vectors,dot-product)")
    add("--slug", help="file name of the note (default: from the title)")
    add_settings_option(parser)
    add("--content", help="the site's content folder (default: the settings' PATH, else content)")
    add("--date", help='its Date: as "YYYY-MM-DD HH:MM" (default: now, local time)')
    add("--dry-run", action="store_true", help="check and show the metadata, write nothing")
    parser.set_defaults(run=run_new)
