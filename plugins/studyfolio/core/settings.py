"""Settings: Markdown extensions added without touching Pelican's defaults, the content files
Studyfolio keeps, and the build's settings file read for the `studyfolio` commands."""

from __future__ import annotations

import copy
import logging
import os
import re
import sys
from dataclasses import dataclass, field, replace


def add_markdown_extension(pelican, name: str, config: dict | None = None) -> None:
    """Add extension `name` to this Pelican instance's MARKDOWN setting (a copy, not the default).

    Extensions are given by name so each file gets fresh instances: instances placed in the
    settings would be shared by every file."""
    markdown = copy.deepcopy(pelican.settings.get("MARKDOWN", {}))
    configs = markdown.setdefault("extension_configs", {})
    configs[name] = dict(config or {})
    extensions = markdown.setdefault("extensions", [])
    if name not in extensions:
        extensions.append(name)
    pelican.settings["MARKDOWN"] = markdown


# The files and folders Studyfolio keeps in the content folder, each a setting with its default;
# the build's generators and the terminal commands read them from here.
FILE_SETTINGS = {
    "STUDYFOLIO_REVIEWS": "reviews.jsonl",
    "STUDYFOLIO_RESOURCES": "resources.yml",
    "STUDYFOLIO_ROADMAPS": "roadmaps",
}
DEFAULT_FILE = "pelicanconf.py"


def content_file(settings: dict, name: str) -> str:
    """Where setting `name` (a key of FILE_SETTINGS) puts its file: under the content folder."""
    return os.path.join(settings["PATH"], settings.get(name) or FILE_SETTINGS[name])


class SettingsFileError(Exception):
    """The settings file named on the command line is missing or cannot be read."""


@dataclass(frozen=True)
class CommandSettings:
    """What the `studyfolio` commands take from the build's settings file, paths relative to
    the current folder. Without a settings file: Studyfolio's own defaults."""

    values: dict = field(default_factory=dict)
    content: str = "content"
    output: str = "output"
    cache: str = "cache"

    def in_content(self, name: str) -> str:
        """The file setting `name` (a key of FILE_SETTINGS) names in the content folder."""
        return content_file({**self.values, "PATH": self.content}, name)


def settings_of(args) -> CommandSettings:
    """A command's settings: its `--settings` file's, with its `--content` and `--site` folders
    (when it has them and they are given) in place of the file's."""
    found = read_command_settings(args.settings)
    return replace(found, content=getattr(args, "content", None) or found.content,
                   output=getattr(args, "site", None) or found.output)


def settings_path(path: str | None) -> str | None:
    """The settings file to read: `path`, else pelicanconf.py when it is here, else None;
    SettingsFileError when `path` is given and is no file."""
    if path is None:
        return DEFAULT_FILE if os.path.isfile(DEFAULT_FILE) else None
    if not os.path.isfile(path):
        raise SettingsFileError(f"{path}: no such settings file")
    return path


def read_command_settings(path: str | None) -> CommandSettings:
    """The settings file `path` (default: pelicanconf.py here, when there is one) read as Pelican
    reads it for the build; SettingsFileError when it is missing or fails."""
    path = settings_path(path)
    if path is None:
        return CommandSettings()
    from pelican.settings import read_settings  # Pelican starts only when a file is read

    before = set(sys.modules)
    quiet = logging.getLogger("pelican.settings")  # its advice is for the build, which gives it
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        values = read_settings(path)
    except Exception as error:  # the learner's own Python: whatever it raises, said in one line
        raise SettingsFileError(f"{path}: {type(error).__name__}: {error}") from None
    finally:
        quiet.setLevel(level)
        forget_settings_modules(path, before)
    folders = (os.path.relpath(values[key]) for key in ("PATH", "OUTPUT_PATH", "CACHE_PATH"))
    return CommandSettings(values, *folders)


def add_settings_option(parser, *flags: str) -> None:
    """The `--settings FILE` option every command shares (`flags` replaces the option's names)."""
    parser.add_argument(*(flags or ("--settings",)), dest="settings", metavar="FILE",
                        help=f"the Pelican settings file the build uses (default: {DEFAULT_FILE}, if here)")


def setting_line(name: str, value) -> tuple[str, int]:
    """Where setting `name` got `value`: the settings file (relative to the current folder) and
    line that assign it. Pelican keeps each settings file it reads as a module, so the file is the
    loaded one that holds this value and has the assignment. Otherwise (a `-e NAME=VALUE`
    override, for one) ("settings", 1)."""
    assignment = re.compile(rf"^{re.escape(name)}\s*(?::[^=]*)?=")
    for module in list(sys.modules.values()):
        source = getattr(module, "__file__", None) or ""
        names = getattr(module, "__dict__", {})
        if not source.endswith(".py") or name not in names or names[name] != value:
            continue
        try:
            with open(source, encoding="utf-8") as handle:
                line = next((n for n, text in enumerate(handle, 1) if assignment.match(text)), None)
        except (OSError, UnicodeDecodeError):
            continue
        if line:
            return os.path.relpath(source), line
    return "settings", 1


def forget_settings_modules(path: str, before: set[str]) -> None:
    """Drop the modules that reading `path` imported from its own folder (Pelican keeps each
    settings file as a module named after it): another site's `pelicanconf.py`, read later in
    the same process, must not find this one under that name."""
    folder = os.path.dirname(os.path.abspath(path))
    for name in set(sys.modules) - before:
        source = getattr(sys.modules[name], "__file__", None) or ""
        if os.path.dirname(os.path.abspath(source)) == folder:
            del sys.modules[name]
