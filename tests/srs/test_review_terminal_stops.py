"""`studyfolio review` loses no rating however it ends (kill -9, a closed terminal, SIGTERM),
undo takes the last one back out of the log, and card text cannot drive the terminal."""

from __future__ import annotations

import io
import os
import select
import signal
import subprocess
import sys
import time

import pytest
from srs_helpers import card

import sitebuild
from sitebuild import ROOT
from studyfolio.cli import main

NOW = "2026-10-01T10:00:00Z"


def start(place) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "studyfolio.cli", "review", *place.args("--now", NOW)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
        env={**os.environ, "TZ": "UTC", "PYTHONPATH": os.pathsep.join([str(ROOT / "plugins"), sitebuild.test_path()])})


def wait_for(process: subprocess.Popen, text: str, timeout: float = 20) -> str:
    """stdout until `text` appears (the rating was shown as saved)."""
    seen, end = b"", time.monotonic() + timeout
    while text.encode() not in seen:
        ready, _, _ = select.select([process.stdout], [], [], max(0.0, end - time.monotonic()))
        assert ready, f"no {text!r} in {seen.decode()!r}"
        chunk = os.read(process.stdout.fileno(), 4096)
        assert chunk, f"the review ended before {text!r}: {seen.decode()!r}"
        seen += chunk
    return seen.decode()


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGHUP, signal.SIGTERM])
def test_a_rating_shown_as_saved_is_in_the_log_however_the_review_ends(place, stop):
    process = start(place)
    process.stdin.write(b" 3")
    process.stdin.flush()
    wait_for(process, "Good: next in")
    process.send_signal(stop)
    process.wait(timeout=20)
    assert place.lines() == ['{"card": "variance-aaaa1111", "at": "2026-10-01T10:00:00Z", "rating": 3, "ms": 0}']
    if stop != signal.SIGKILL:  # the others end as Ctrl+C does, with the summary
        out = process.stdout.read().decode()
        assert "Stopped." in out and "1 saved." in out
        assert process.returncode == 0 and b"Traceback" not in process.stderr.read()


def test_undo_cuts_the_last_rating_out_of_the_log(place, monkeypatch, capsys):
    place.log.write_text('{"card": "bayes-cccc3333", "at": "2026-09-01T10:00:00Z", "rating": 4, "ms": 0}\n')
    monkeypatch.setattr("sys.stdin", io.StringIO(" 3u 1q"))
    assert main(["review", *place.args("--now", NOW)]) == 0
    assert "Took back Good." in capsys.readouterr().out
    assert place.lines() == [
        '{"card": "bayes-cccc3333", "at": "2026-09-01T10:00:00Z", "rating": 4, "ms": 0}',
        '{"card": "bayes-cccc3333", "at": "2026-10-01T10:00:00Z", "rating": 1, "ms": 0}',
    ]  # the due card came back after the undo and was rated again


def test_undo_leaves_a_rating_another_command_appended_after(place, monkeypatch, capsys):
    other = '{"card": "bayes-cccc3333", "at": "2026-09-02T10:00:00Z", "rating": 2, "ms": 0}'

    class Keys(io.StringIO):
        def read(self, size=-1):
            key = super().read(1 if size < 0 else size)
            if key == "u":  # an import ran between the rating and the undo
                with place.log.open("a") as log:
                    log.write(other + "\n")
            return key

    monkeypatch.setattr("sys.stdin", Keys(" 3uq"))
    assert main(["review", *place.args("--now", NOW)]) == 0
    assert "the log changed since, so the rating stays in it" in capsys.readouterr().out
    assert place.lines() == [
        '{"card": "variance-aaaa1111", "at": "2026-10-01T10:00:00Z", "rating": 3, "ms": 0}', other]


def test_control_characters_in_a_card_are_shown_not_run(place, monkeypatch, capsys):
    place.cards([card("esc-aaaa1111", "esc", "<p>Clear \x1b[2J the \x1b]0;title\x07 screen?</p>",
                      "<p>No\x00, \x9b shown.</p>", title="Escapes \x1b[31m")])
    monkeypatch.setattr("sys.stdin", io.StringIO(" 3q"))
    assert main(["review", *place.args("--now", NOW)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "Q: Clear ^[[2J the ^[]0;title^G screen?" in out
    assert "A: No^@, \ufffd shown." in out
    assert "[Escapes ^[[31m]" in out
