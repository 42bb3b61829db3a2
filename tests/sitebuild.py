"""Build a Pelican site in a subprocess, as `make html` does, and read its pages back."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Build:
    """A finished build: its output folder and what Pelican printed."""

    output: Path
    returncode: int
    log: str

    def page(self, relative: str):
        """The parsed HTML of an output file, e.g. build.page('notes/x/index.html')."""
        return lxml_html.fromstring((self.output / relative).read_bytes())

    def text(self, relative: str) -> str:
        return (self.output / relative).read_text(encoding="utf-8")


def test_path() -> str:
    """PYTHONPATH with tests/ first: test sites' settings (also copies in tmp folders) import
    testsite_settings from there."""
    return os.pathsep.join(filter(None, [str(ROOT / "tests"), os.environ.get("PYTHONPATH")]))


def build_site(
    settings: Path,
    output: Path,
    *,
    content: Path | None = None,
    extra: dict | None = None,
    cwd: Path = ROOT,
    timeout: int = 240,
    env: dict | None = None,
) -> Build:
    """Run `pelican` on `content` with `settings`; `extra` becomes `-e KEY=JSON` overrides."""
    extra = {"CACHE_PATH": str(output.parent / (output.name + "-cache")), **(extra or {})}
    command = [sys.executable, "-m", "pelican", "-s", str(settings), "-o", str(output)]
    if content is not None:
        command.insert(3, str(content))
    command += ["-e", *[f"{key}={json.dumps(value)}" for key, value in extra.items()]]
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "COLUMNS": "200", "PYTHONPATH": test_path(), **(env or {})},
    )
    return Build(output=output, returncode=done.returncode, log=done.stdout + done.stderr)


def report_lines(log: str, *, files: str = r"\S+") -> list[str]:
    """Studyfolio's problem lines from a build's output as `path:line: message`, without the
    `error: `/`warning: ` word (tests of the exact form are in tests/core/test_problem_lines.py);
    `files` narrows the paths (a regex, e.g. r"\\S+\\.md")."""
    found = re.findall(rf"(?m)^(content/{files}:\d+: )(?:error|warning): (.+)$", log)
    return [path + message for path, message in found]


def report_md_lines(log: str) -> list[str]:
    """The report lines about notes (Markdown files) only."""
    return report_lines(log, files=r"\S+\.md")


SETTINGS = """
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *
PATH = {content!r}
THEME = {root!r} + "/theme"
PLUGIN_PATHS = [{root!r} + "/plugins"]
STATIC_PATHS = []
CACHE_PATH = {cache!r}
LOAD_CONTENT_CACHE = {warm}
"""


def settings_text(content: Path, *, cache: Path | None = None, warm: bool = False,
                  without: str = "") -> str:
    """A settings file for a site made in a temporary folder: the repo's writing settings with
    `content` as PATH; `without` drops one plugin (to measure its share)."""
    text = SETTINGS.format(root=str(ROOT), content=str(content),
                           cache=str(cache or content.parent / "cache"), warm=warm)
    if without:
        text += f"PLUGINS = [p for p in PLUGINS if p != {without!r}]\n"
    return text
