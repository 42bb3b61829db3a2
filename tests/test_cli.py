"""The `studyfolio` command: every command is found from its name alone."""

from __future__ import annotations

import pytest

from studyfolio import __version__
from studyfolio.cli import COMMANDS, build_parser, main


def commands_of(parser) -> list[str]:
    return list(parser._subparsers._group_actions[0].choices)


def test_the_command_table_names_exactly_the_commands_the_modules_add():
    assert commands_of(build_parser()) == list(COMMANDS)


def test_a_named_command_loads_only_its_module():
    for command, module in COMMANDS.items():
        siblings = [name for name, other in COMMANDS.items() if other == module]
        assert commands_of(build_parser(command)) == siblings


# Every command that reads the settings file, as a learner types it (the file is missing).
WITH_SETTINGS = [
    ["new", "A note"],
    ["import", "summary", "page.txt"],
    ["review"],
    ["reviews", "import", "export.json"],
    ["reviews", "stats"],
    ["cards", "pin"],
    ["serve"],
    ["linkcheck"],
]


def test_every_command_takes_the_settings_option():
    for argv in WITH_SETTINGS:
        assert build_parser(argv[0]).parse_args([*argv, "--settings", "other.py"]).settings == "other.py"
    assert build_parser("serve").parse_args(["serve", "-s", "other.py"]).settings == "other.py"


@pytest.mark.parametrize("argv", WITH_SETTINGS, ids=" ".join)
def test_a_missing_settings_file_given_by_name_is_one_line(argv, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code = main([*argv, "--settings", "nope.py"])
    assert code == (2 if argv[0] == "linkcheck" else 1)  # linkcheck's 1 means broken links
    assert capsys.readouterr().err == "studyfolio: nope.py: no such settings file\n"


def test_a_settings_file_that_fails_is_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pelicanconf.py").write_text("PATH = 'content'\nTHEME = 1 / 0\n")
    assert main(["reviews", "stats"]) == 1
    assert capsys.readouterr().err == "studyfolio: pelicanconf.py: ZeroDivisionError: division by zero\n"


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"studyfolio {__version__}\n"
