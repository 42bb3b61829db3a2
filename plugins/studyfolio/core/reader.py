"""A Markdown reader that tells our extensions which file they convert and keeps their reports.

It never lets one note stop the build or vanish without a reason: bytes that are not UTF-8,
a repeated or unreadable metadata value, a date out of range, an unknown template and a missing
title or date are reported at their line and the note is still published (the file name gives
the title, the file's date the date). Only a file that is not text, or that cannot be
converted at all, is left out, and that is reported too (see `unpublished`)."""

from __future__ import annotations

import os
import re

from markdown import Markdown
from markdown.extensions.meta import MetaPreprocessor
from pelican.readers import MarkdownReader
from pelican.utils import SafeDatetime, slugify

from .decode import NotText, decode_note
from .diagnostics import Diagnostic, Severity
from .limits import check_source
from .metadata import DATE_HINT, check_metadata, date_problem, one_value_each
from .pelican_api import formatted_metadata
from .source import NoteSource, site_relative
from .unpublished import NotPublished
from .vault import (
    GIT_DATES,
    in_vault,
    read_vault_note,
    uses_obsidian_syntax,
    vault_slug,
)

TEMPLATE_NAME = re.compile(r"[A-Za-z0-9_-]+")
NESTING_HINT = "lists, quotes or blocks are nested too deeply: flatten the deepest ones"


class NoteReader(MarkdownReader):
    """Pelican's Markdown reader, plus: the note's path and text for line numbers, the problems
    found while converting it (kept in the metadata so they survive Pelican's content cache),
    the learner's metadata checked and typed, and the reading time."""

    def markdown(self) -> Markdown:
        """One Markdown instance per reader, reset between files: building one with every
        extension costs more than converting a short note. Pelican's summary pass already
        relies on reset(), so every extension must clear its state there anyway."""
        if getattr(self, "studyfolio_md", None) is None:
            self.studyfolio_md = Markdown(**self.settings["MARKDOWN"])
        md = self.studyfolio_md
        md.reset()
        if "meta" not in md.preprocessors:  # Pelican's summary pass deregisters it
            md.preprocessors.register(MetaPreprocessor(md), "meta", 27)
        return md

    def read(self, source_path):
        self.date_problem: tuple[int, str] | None = None
        note = self.source(source_path)
        check_source(note.path, note.text)
        self.vault = in_vault(source_path, self.settings)
        matter = read_vault_note(note, vault_slug(source_path, self.settings, self.slug_of)) if self.vault else None
        md = self.markdown()
        md.studyfolio_note = note
        md.studyfolio_vault = self.vault or uses_obsidian_syntax(note)
        try:
            content = md.convert(note.text)
        except RecursionError:
            raise NotPublished(Diagnostic(
                note.path, 1, "not published: the note is nested too deeply to convert",
                NESTING_HINT)) from None
        meta = note.front_matter if matter is not None else getattr(md, "Meta", {})
        self.key_lines = matter.lines if matter is not None else note.map.metadata.keys
        metadata = self.read_metadata(md, source_path, meta)
        self.complete(note, metadata, source_path)
        check_metadata(note, metadata)
        metadata["diagnostics"] = tuple(note.diagnostics)
        return content, metadata

    def source(self, source_path: str) -> NoteSource:
        """The note's text, with its undecodable bytes reported; NotPublished if not text."""
        path = site_relative(source_path, self.settings["PATH"])
        with open(source_path, "rb") as handle:
            data = handle.read()
        try:
            decoded = decode_note(data)
        except NotText as error:
            raise NotPublished(Diagnostic(
                path, data.count(b"\n", 0, error.offset) + 1, f"not published: {error}",
                "only text notes are read: give the file another extension or move it out "
                "of the notes folder")) from None
        if not decoded.text.strip():
            raise NotPublished(Diagnostic(
                path, 1, "not published: the note is empty", "write a Title: line and some text",
                Severity.WARNING))
        note = NoteSource(path=path, text=decoded.text, content_path=self.settings["PATH"])
        for line, message, hint in decoded.problems:
            note.error(line, message, hint)
        return note

    def read_metadata(self, md, source_path: str, meta: dict) -> dict:
        """Pelican's metadata, one key at a time: a value that cannot be read costs its key,
        reported at its line, never the note. Problems from converting `Summary:` again are
        dropped (the body's conversion reported them)."""
        note = md.studyfolio_note
        meta = one_value_each(note, meta, self.settings["FORMATTED_FIELDS"])
        kept = list(note.diagnostics)
        formatted = {key: values for key, values in meta.items()
                     if key in self.settings["FORMATTED_FIELDS"]}
        output = formatted_metadata(self, md, source_path, formatted) if formatted else {}
        note.diagnostics[:] = kept
        lines = self.key_lines
        for key, values in meta.items():
            if key in formatted:
                continue
            line = lines.get(key, [1])[0]
            try:
                output[key] = self.process_metadata(key, values[0])
                problem = date_problem(key, output[key], values[0])
            except (ValueError, OverflowError) as error:
                problem = f"{key.capitalize()}: {error}"
            if not problem:
                continue
            output.pop(key, None)
            if key == "date":  # reported with the date used instead
                self.date_problem = (line, problem)
            else:
                note.error(line, problem, DATE_HINT if key == "modified" else "")
        return output

    def complete(self, note: NoteSource, metadata: dict, source_path: str) -> None:
        """Fill what the note must have to be published, reporting each gap."""
        title = str(metadata.get("title", "")).strip()
        if not title and self.vault:
            title = os.path.splitext(os.path.basename(source_path))[0]  # Obsidian's title
        elif not title:
            title = title_from_file_name(source_path)
            note.error(1, f"the note has no Title: line; its file name gives the title '{title}'",
                       f"add a first line such as `Title: {title}`")
        metadata["title"] = title
        if self.vault:
            self.complete_vault_note(metadata, source_path)
        if "date" not in metadata and self.is_article(source_path):
            when = SafeDatetime.fromtimestamp(int(os.stat(source_path).st_mtime))
            line, problem = self.date_problem or (1, "the note has no Date: line")
            note.error(line, f"{problem}; the file's date {when:%Y-%m-%d} is used", DATE_HINT)
            metadata["date"] = when
        if "template" in metadata:
            self.check_template(note, metadata)

    def complete_vault_note(self, metadata: dict, source_path: str) -> None:
        """A vault note's date from git or the file when the front matter gives none (no
        problem: Obsidian notes have no Date: line)."""
        if "date" not in metadata and self.date_problem is None:
            when = GIT_DATES.first_commit(source_path)
            metadata["date"] = SafeDatetime.fromtimestamp(
                int(when.timestamp()) if when else int(os.stat(source_path).st_mtime))

    def slug_of(self, text: str) -> str:
        return slugify(text, regex_subs=self.settings.get("SLUG_REGEX_SUBSTITUTIONS", []))

    def is_article(self, source_path: str) -> bool:
        """Articles need a date; pages (under PAGE_PATHS) do not."""
        relative = os.path.relpath(source_path, self.settings["PATH"]).replace(os.sep, "/")
        return not any(relative.startswith(folder.strip("/") + "/")
                       for folder in self.settings["PAGE_PATHS"])

    def check_template(self, note: NoteSource, metadata: dict) -> None:
        """`Template:` names one of the theme's page templates, or the note's usual one is used."""
        name = str(metadata["template"]).strip()
        known = theme_templates(self.settings) - {"base", *self.settings["DIRECT_TEMPLATES"]}
        if TEMPLATE_NAME.fullmatch(name) and name in known:
            metadata["template"] = name
            return
        del metadata["template"]
        note.error(note.map.metadata.line_of("template"),
                   f"Template: '{name}' is not a template of the theme; the usual one is used",
                   "use one of " + ", ".join(sorted(known)))


def theme_templates(settings: dict) -> set[str]:
    """The names of the theme's page templates (not partials, not `_macros`)."""
    folders = [os.path.join(settings["THEME"], "templates"),
               *settings.get("THEME_TEMPLATES_OVERRIDES", [])]
    return {name[: -len(".html")] for folder in folders if os.path.isdir(folder)
            for name in os.listdir(folder)
            if name.endswith(".html") and not name.startswith("_")}


def title_from_file_name(source_path: str) -> str:
    """`gradient-descent_notes.md` -> 'Gradient descent notes'."""
    stem = os.path.splitext(os.path.basename(source_path))[0]
    words = re.sub(r"[-_\s]+", " ", stem).strip() or stem
    return words[:1].upper() + words[1:]
