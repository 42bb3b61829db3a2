"""Notes read as Obsidian writes them (vault mode): YAML front matter instead of `Key: value`
lines, the title from the file name, the date from the front matter, git or the file.

`STUDYFOLIO_OBSIDIAN = True` reads every note this way; a list of folders (relative to PATH)
reads only the notes under them. Nothing in the vault is rewritten: the front matter is read
here and blanked in the text Markdown converts, so every line keeps its number.

The rules, as Obsidian has them:
- title: `title` in the front matter, else the file name without `.md`, as written;
- date: `date`, else `created` in the front matter, else the file's first git commit, else its
  modification time;
- tags: `tags` (or `tag`) as a list (`[a, b]` or `- a` lines) or a text of tags separated by
  commas or spaces, a leading `#` dropped; `#tag` in the text adds to them (see obsidian/);
- `aliases` are other titles a wikilink may use; `cssclasses`, `cssclass` and `publish` are
  Obsidian's own and ignored;
- URL: the file's path under the vault (or under the notes folder when the whole content is
  the vault), folders included, so two notes of one name in two folders never share a page:
  `notes/Algebra/Linear maps.md` -> `notes/algebra-linear-maps/`."""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
import subprocess
from dataclasses import dataclass, field

import yaml

from .sourcemap import SourceMap

KEY_LINE = re.compile(r"^([A-Za-z0-9_-]+)[ ]*:")
IGNORED = {"cssclasses", "cssclass", "publish", "position"}
LIST_KEYS = {"tags": "tags", "tag": "tags", "aliases": "aliases", "alias": "aliases"}


def vault_folders(settings: dict) -> list[str] | None:
    """The folders (relative to PATH, '' for all) read in vault mode; None when it is off."""
    value = settings.get("STUDYFOLIO_OBSIDIAN")
    if value is True:
        return [""]
    if isinstance(value, list | tuple):
        return [str(folder).strip("/") for folder in value]
    return None


def in_vault(source_path: str, settings: dict) -> bool:
    folders = vault_folders(settings)
    if folders is None:
        return False
    relative = os.path.relpath(source_path, settings["PATH"]).replace(os.sep, "/")
    return any(not folder or relative.startswith(folder + "/") for folder in folders)


@dataclass
class FrontMatter:
    """What a note's YAML front matter says, and where."""

    first: int = 0  # the `---` lines, 1-based; 0 when there is none
    last: int = 0
    values: dict = field(default_factory=dict)
    lines: dict[str, list[int]] = field(default_factory=dict)  # each key's line
    problem: str = ""
    problem_line: int = 0

    def blank(self, text: str) -> str:
        """`text` with the front matter lines emptied (the line count kept)."""
        if not self.first:
            return text
        lines = text.split("\n")
        lines[self.first - 1:self.last] = [""] * (self.last - self.first + 1)
        return "\n".join(lines)


def read_front_matter(source: SourceMap) -> FrontMatter:
    """The YAML between a first line `---` and the next `---` (or `...`) line."""
    lines = source.lines
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter()
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return FrontMatter()
    matter = FrontMatter(first=1, last=end + 1)
    try:
        data = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        matter.problem = getattr(error, "problem", None) or "unreadable"
        matter.problem_line = 2 + (mark.line if mark else 0)
        return matter
    if not isinstance(data, dict):
        matter.problem, matter.problem_line = "it is not 'key: value' lines", 2
        return matter
    matter.values = {str(key).lower(): value for key, value in data.items()}
    for number in range(2, end + 1):
        key = KEY_LINE.match(lines[number - 1])
        if key:
            matter.lines.setdefault(key.group(1).lower(), []).append(number)
    if "created" in matter.lines and "date" not in matter.lines:
        matter.lines["date"] = matter.lines["created"]
    for key, name in LIST_KEYS.items():
        if key in matter.lines and key != name:
            matter.lines.setdefault(name, matter.lines[key])
    return matter


def as_list(value) -> list[str]:
    """A front-matter list: `[a, b]`, `- a` lines, or `a, b` / `#a #b` text."""
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).replace(",", " ").split()
    return [str(item).strip().lstrip("#") for item in items if str(item).strip().lstrip("#")]


def as_text(value) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


def metadata_values(matter: FrontMatter) -> dict[str, list[str]]:
    """The front matter as the Meta extension would have given it ({key: [text]}), for
    Pelican's metadata processing: lists joined by commas, Obsidian's own keys left out."""
    found: dict[str, list[str]] = {}
    lists: dict[str, list[str]] = {}
    for key, value in matter.values.items():
        if key in IGNORED or key == "created":  # `created` is a date source, read below
            continue
        if key in LIST_KEYS:
            lists.setdefault(LIST_KEYS[key], []).extend(as_list(value))
        else:
            found[key] = [as_text(value)]
    for name, items in lists.items():
        if items:
            found[name] = [", ".join(dict.fromkeys(items))]
    date = matter.values.get("date") or matter.values.get("created")
    if date:
        found["date"] = [as_text(date)]
    return found


def vault_slug(source_path: str, settings: dict, slugify) -> str:
    """The note's URL slug from its path under the vault: folders included."""
    relative = os.path.relpath(source_path, settings["PATH"]).replace(os.sep, "/")
    roots = [*(vault_folders(settings) or []), *settings.get("ARTICLE_PATHS", [])]
    for folder in sorted((f.strip("/") for f in roots), key=len, reverse=True):
        if folder and relative.startswith(folder + "/"):
            relative = relative[len(folder) + 1:]
            break
    stem = os.path.splitext(relative)[0]
    return "-".join(part for part in (slugify(piece) for piece in stem.split("/")) if part)


COMMENT = re.compile(r"%%.*?%%", re.DOTALL)
HASHTAG = re.compile(r"(?<![\w&#/\\`])#(?P<tag>[\w/-]*[^\W\d][\w/-]*)")
ATTACHMENT_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp", ".pdf"}


def blank_comments(source: SourceMap) -> str:
    """The text with Obsidian's `%%comments%%` removed outside code, their lines kept."""
    text = "\n".join(source.lines)
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    code_spans = [s for s in source.spans if s.kind == "code"]

    def in_code(offset: int) -> bool:
        line = bisect.bisect_right(starts, offset)
        column = offset - starts[line - 1] + 1
        return source.in_code(line) or any(
            (s.line, s.column) <= (line, column) < (s.end_line, s.end_column) for s in code_spans)

    return COMMENT.sub(lambda m: m.group(0) if in_code(m.start()) else "\n" * m.group(0).count("\n"), text)


def hashtags(source: SourceMap) -> list[str]:
    """The `#tags` written in the note's prose (outside code and math), in order, once each."""
    found: dict[str, None] = {}
    masked = {}
    for span in source.spans:
        for number in range(span.line, span.end_line + 1):
            masked.setdefault(number, []).append(span)
    for first, last in source.paragraphs:
        for number in range(first, last + 1):
            line = source.lines[number - 1]
            for match in HASHTAG.finditer(line):
                column = match.start() + 1
                if any((s.line, s.column) <= (number, column) < (s.end_line, s.end_column)
                       for s in masked.get(number, ())):
                    continue
                found.setdefault(match.group("tag").strip("/"), None)
    return list(found)


def attachment_index(content_path: str) -> dict[str, str]:
    """Every attachment of the content folder by file name (folded) and by path: the path
    relative to the content folder. Of two files with one name, the one nearest the top wins
    (Obsidian's shortest-path rule)."""
    found: dict[str, str] = {}
    for folder, dirs, files in os.walk(content_path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if os.path.splitext(name)[1].lower() not in ATTACHMENT_TYPES:
                continue
            relative = os.path.relpath(os.path.join(folder, name), content_path).replace(os.sep, "/")
            for key in (name.casefold(), relative.casefold()):
                if key not in found or relative.count("/") < found[key].count("/"):
                    found[key] = relative
    return found


def attachment_paths(settings: dict) -> list[str]:
    """The attachments under the vault folders, relative to PATH (copied to the site)."""
    folders = vault_folders(settings) or []
    paths = set(attachment_index(settings["PATH"]).values())
    return sorted(p for p in paths if any(not f or p.startswith(f + "/") for f in folders))


def read_vault_note(note, slug: str = "") -> FrontMatter:
    """The reader's first step for a vault note (`note`, a core.source.NoteSource): its YAML
    front matter and `%%comments%%` taken out of the text every plugin reads (blank lines in
    their place), and `note.front_matter` set to its metadata as the Meta extension would give
    it, with the `#tags` of the text among its tags and `slug` (its path's) unless it has one."""
    matter = read_front_matter(note.map)
    note.text = matter.blank(note.text)
    note.text = blank_comments(note.map)
    meta = metadata_values(matter)
    tags = [*(meta["tags"][0].split(", ") if "tags" in meta else []), *hashtags(note.map)]
    if tags:
        meta["tags"] = [", ".join(dict.fromkeys(tags))]
    if slug and "slug" not in meta:
        meta["slug"] = [slug]
    note.front_matter = meta
    if matter.problem:
        note.error(matter.problem_line, f"the front matter is not valid YAML: {matter.problem}; it is not used",
                   "write it as key: value lines between two --- lines, lists as [a, b] or - a lines")
    return matter


def uses_obsidian_syntax(note) -> bool:
    """A note outside the vault written in Obsidian's syntax (`Syntax: obsidian`, as `studyfolio
    import obsidian` writes them): its `%%comments%%` are taken out here, and the Obsidian
    extension reads it as a vault note."""
    if note.map.metadata.value("syntax").strip().lower() != "obsidian":
        return False
    note.text = blank_comments(note.map)
    return True


class GitDates:
    """The date of each file's first commit, read with one `git log` per repository."""

    def __init__(self):
        self.by_root: dict[str, dict[str, dt.datetime]] = {}

    def first_commit(self, path: str) -> dt.datetime | None:
        folder = os.path.dirname(os.path.abspath(path))
        root = self.root_of(folder)
        if root is None:
            return None
        if root not in self.by_root:
            self.by_root[root] = self.read(root)
        return self.by_root[root].get(os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/"))

    @staticmethod
    def root_of(folder: str) -> str | None:
        try:
            done = subprocess.run(["git", "-C", folder, "rev-parse", "--show-toplevel"],
                                  capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    @staticmethod
    def read(root: str) -> dict[str, dt.datetime]:
        """Every file's first commit: `git log` lists newest first, so the last seen wins."""
        try:
            done = subprocess.run(
                ["git", "-C", root, "-c", "core.quotepath=off", "log", "--format=@%aI", "--name-only",
                 "--diff-filter=A", "--no-renames"],
                capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired):
            return {}
        found: dict[str, dt.datetime] = {}
        when = None
        for line in done.stdout.splitlines():
            if line.startswith("@"):
                when = dt.datetime.fromisoformat(line[1:])
            elif line and when is not None:
                found[line] = when
        return found


GIT_DATES = GitDates()
