"""The `studyfolio` command: tools for the learner's notes beside the Pelican build."""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__

# Each module has `add_commands(subparsers)`; a command sets `run=function(args) -> exit code`.
COMMAND_MODULES: list[str] = [
    "studyfolio.importers.command",
    "studyfolio.srs.commands",
    "studyfolio.discovery.commands",
    "studyfolio.linkcheck.command",
]
# Commands whose module alone is imported when the command line names them, so that they start
# without every other command's dependencies (`studyfolio linkcheck` in CI and its benchmark).
ALONE: dict[str, str] = {
    "linkcheck": "studyfolio.linkcheck.command",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studyfolio",
        description="Studyfolio: learn in public. Build with `make html`, serve with `make serve`;"
        " this command holds the tools that work on your notes.",
    )
    parser.add_argument("--version", action="version", version=f"studyfolio {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in [ALONE[command]] if command in ALONE else COMMAND_MODULES:
        importlib.import_module(name).add_commands(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 0
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
