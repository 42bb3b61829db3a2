"""Problems print as plain `path:line: error|warning: message` lines, then an indented hint,
whatever the terminal's width, and a strict build ends with one line and exit status 1."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

import sitebuild
from sitebuild import ROOT, build_site, settings_text
from studyfolio.core.diagnostics import Diagnostic, Severity, StrictModeError, report
from studyfolio.discovery.devserver.builds import WATCHED_LOGGERS, ProblemCollector

NOTE = """Title: Cards in a list
Date: 2026-09-14 09:30

- A list item

    /// card | In a list?
    Yes.
    ///

/// card | At the start of a line?
Yes.
///
"""
PROBLEM = [
    "content/notes/listed.md:6: error: a card must start at the beginning of a line, outside lists and quotes",
    "    hint: move the /// card block out of the list or quote",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("problems")
    (root / "content" / "notes").mkdir(parents=True)
    (root / "content" / "notes" / "listed.md").write_text(NOTE, encoding="utf-8")
    (root / "conf.py").write_text(settings_text(root / "content"), encoding="utf-8")
    return root


@pytest.mark.parametrize("columns", ["80", "40"])
def test_a_problem_is_two_plain_lines_at_any_terminal_width(site, columns):
    build = build_site(site / "conf.py", site / f"output-{columns}", cwd=site, env={"COLUMNS": columns})
    assert build.returncode == 0, build.log
    lines = build.log.splitlines()
    at = lines.index(PROBLEM[0])
    assert lines[at: at + 3] == [*PROBLEM, "Studyfolio found 1 error(s) and 0 warning(s)."]


def test_a_strict_build_ends_with_one_line_and_status_1_without_a_terminal(site):
    done = subprocess.run(
        [sys.executable, "-m", "pelican", "-s", str(site / "conf.py"), "-o", str(site / "strict"),
         "-e", "STUDYFOLIO_STRICT=true", f'CACHE_PATH="{site / "strict-cache"}"'],
        cwd=site, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=240,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": sitebuild.test_path(), "HOME": str(site)},
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stderr.splitlines()[-4:] == [
        *PROBLEM,
        "Studyfolio found 1 error(s) and 0 warning(s).",
        "strict mode: 1 error(s) and 0 warning(s) in the sources; fix them or build without STUDYFOLIO_STRICT",
    ]


def test_report_prints_each_severity_in_source_order(capsys):
    report([
        Diagnostic("content/notes/b.md", 3, "unknown level 'hard'", "write easy, medium or hard", Severity.WARNING),
        Diagnostic("content/notes/a.md", 9, "card has no answer"),
    ], strict=False)
    assert capsys.readouterr().err.splitlines() == [
        "content/notes/a.md:9: error: card has no answer",
        "content/notes/b.md:3: warning: unknown level 'hard'",
        "    hint: write easy, medium or hard",
        "Studyfolio found 1 error(s) and 1 warning(s).",
    ]


def test_strict_report_exits_with_status_1(capsys):
    with pytest.raises(SystemExit) as stopped:
        report([Diagnostic("content/notes/a.md", 9, "card has no answer")], strict=True)
    assert isinstance(stopped.value, StrictModeError) and str(stopped.value).startswith("strict mode: 1 error(s)")
    done = subprocess.run(
        [sys.executable, "-c", "from studyfolio.core.diagnostics import StrictModeError\nraise StrictModeError('strict mode: x')"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert (done.returncode, done.stderr) == (1, "strict mode: x\n")


def test_the_dev_server_counts_problems_not_the_count_line():
    collector = ProblemCollector()
    loggers = [logging.getLogger(name) for name in WATCHED_LOGGERS]
    for logger in loggers:
        logger.addHandler(collector)
    try:
        report([Diagnostic("content/notes/a.md", 9, "card has no answer", "write the answer under the question")],
               strict=False)
    finally:
        for logger in loggers:
            logger.removeHandler(collector)
    assert [(p.text, p.hint, p.level) for p in collector.problems] == [
        ("content/notes/a.md:9: card has no answer", "write the answer under the question", "error"),
    ]


def test_a_file_shows_its_first_fifty_problems_then_how_many_more(capsys):
    flood = [Diagnostic("content/notes/flood.md", n, "display math opened with $$ is never closed")
             for n in range(1, 201)]
    other = Diagnostic("content/notes/other.md", 3, "unknown Level 'Expert'")
    with pytest.raises(StrictModeError) as stopped:
        report([*flood, other], strict=True)
    lines = capsys.readouterr().err.splitlines()
    problems = [line for line in lines if not line.startswith("    ")]
    assert len(problems) == 50 + 1 + 1 + 1  # 50 shown, the rest counted, the other file, the count
    assert problems[49] == "content/notes/flood.md:50: error: display math opened with $$ is never closed"
    assert problems[50] == "content/notes/flood.md:200: warning: 150 more problem(s) in this file are not shown"
    assert problems[51] == "content/notes/other.md:3: error: unknown Level 'Expert'"
    assert problems[52] == "Studyfolio found 201 error(s) and 0 warning(s)."
    assert str(stopped.value).startswith("strict mode: 201 error(s) and 0 warning(s)")


LONG_NOTE = """Title: A long problem
Date: 2026-09-14 09:30

/// card | What is variance?
    level: a-level-name-long-enough-to-pass-eighty-columns
The spread.
///
"""
LONG_PROBLEM = ("content/notes/long.md:5: error: bad level 'a-level-name-long-enough-to-pass-eighty-columns':"
                " expected easy, medium or hard")


def run_in_terminal(command: list[str], cwd: Path, columns: int) -> str:
    """What `command` prints in a real terminal (a pseudo-terminal) `columns` wide, the status
    line Pelican draws there included; escape sequences left out."""
    import fcntl
    import os
    import pty
    import re
    import struct
    import termios

    pid, fd = pty.fork()
    if pid == 0:  # the child: the terminal's size, then the command
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
        os.chdir(cwd)
        os.environ.update({"COLUMNS": str(columns), "PYTHONPATH": sitebuild.test_path(), "TERM": "xterm"})
        os.execv(command[0], command)
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.waitpid(pid, 0)
    text = b"".join(chunks).decode("utf-8", "replace")
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)", "", text)


def test_in_a_real_80_column_terminal_a_long_problem_stays_on_one_line(tmp_path):
    (tmp_path / "content" / "notes").mkdir(parents=True)
    (tmp_path / "content" / "notes" / "long.md").write_text(LONG_NOTE, encoding="utf-8")
    (tmp_path / "conf.py").write_text(settings_text(tmp_path / "content"), encoding="utf-8")
    shown = run_in_terminal([sys.executable, "-m", "pelican", "-s", "conf.py", "-o", "out",
                             "-e", f'CACHE_PATH="{tmp_path / "cache"}"'], tmp_path, 80)
    lines = [line.rsplit("\r", 1)[-1] for line in shown.replace("\r\n", "\n").split("\n")]
    assert len(LONG_PROBLEM) > 80
    assert LONG_PROBLEM in lines, shown
    assert "    hint: write level: easy, level: medium or level: hard" in lines
