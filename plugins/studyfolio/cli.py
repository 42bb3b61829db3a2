"""The `studyfolio` command: tools for the learner's notes beside the Pelican build."""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__
from .core.settings import SettingsFileError

# Each command's module; a module has `add_commands(subparsers)` (it may add several commands),
# and a command sets `run=function(args) -> exit code`. The order is the one `--help` lists.
COMMANDS: dict[str, str] = {
    "new": "studyfolio.authoring.new_note",
    "import": "studyfolio.importers.command",
    "review": "studyfolio.srs.commands",
    "reviews": "studyfolio.srs.commands",
    "cards": "studyfolio.srs.commands",
    "serve": "studyfolio.discovery.commands",
    "linkcheck": "studyfolio.linkcheck.command",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; with a known `command`, only that command's module is imported, so each
    command starts without the others' dependencies (Pelican, the HTTP client...)."""
    parser = argparse.ArgumentParser(
        prog="studyfolio",
        description="Studyfolio: learn in public. Build with `make html`, serve with `make serve`;"
        " this command holds the tools that work on your notes.",
    )
    parser.add_argument("--version", action="version", version=f"studyfolio {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for name in modules:
        importlib.import_module(name).add_commands(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command `argv` names (default: this process's arguments); its exit status. A
    settings file that is missing or fails is one line on stderr and status 1 (link checking,
    whose 1 means broken links, says so with 2)."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 0
    try:
        return args.run(args)
    except SettingsFileError as error:
        print(f"studyfolio: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
