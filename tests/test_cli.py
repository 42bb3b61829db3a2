"""The `studyfolio` command: every command is found from its name alone."""

from __future__ import annotations

from studyfolio.cli import COMMANDS, build_parser


def commands_of(parser) -> list[str]:
    return list(parser._subparsers._group_actions[0].choices)


def test_the_command_table_names_exactly_the_commands_the_modules_add():
    assert commands_of(build_parser()) == list(COMMANDS)


def test_a_named_command_loads_only_its_module():
    for command, module in COMMANDS.items():
        siblings = [name for name, other in COMMANDS.items() if other == module]
        assert commands_of(build_parser(command)) == siblings
