"""The JavaScript lint that `make lint` runs: clean on every first-party .js file, and able
to fail. Each broken snippet below must make oxlint exit non-zero with its rule named, so a
config that stopped checking (a rule turned off, a file pattern that matches nothing, a binary
that always exits 0) fails here instead of passing in silence."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import ROOT

CONFIG = ROOT / ".oxlintrc.json"


def oxlint() -> str:
    """The oxlint of the test extra: beside this Python first, then on PATH."""
    beside = Path(sys.executable).parent / "oxlint"
    found = str(beside) if beside.exists() else shutil.which("oxlint")
    assert found, "oxlint is not installed: pip install -e '.[test]' (make install) brings it"
    return found


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [oxlint(), "-c", str(CONFIG), "--deny-warnings", "-f", "unix", *args],
        cwd=cwd, capture_output=True, text=True, timeout=60,
    )


def test_first_party_javascript_is_clean():
    result = run(".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_tracked_javascript_file_is_linted():
    tracked = subprocess.run(
        ["git", "ls-files", "*.js", "*.mjs", "*.cjs"], cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()
    assert "theme/static/js/review.js" in tracked
    assert "plugins/studyfolio/discovery/devserver/livereload.js" in tracked
    listed = run("--debug=files", ".").stdout.split()
    assert sorted(tracked) == sorted(name for name in listed if name.endswith(("js", "mjs", "cjs")))


BROKEN = {
    "no-undef": "(function () { return notDefinedAnywhere + 1; })();\n",
    "no-unused-vars": "(function () { var neverRead = 1; })();\n",
    "no-unreachable": "(function () { return 1; window.alert('never'); })();\n",
    "no-dupe-keys": "window.x = { a: 1, a: 2 };\n",
    "eqeqeq": "if (window.name == 'x') { window.alert(1); }\n",
}


@pytest.mark.parametrize("rule", sorted(BROKEN))
def test_lint_fails_on_a_real_error(tmp_path, rule):
    broken = tmp_path / "broken.js"
    broken.write_text(BROKEN[rule], encoding="utf-8")
    result = run(str(broken))
    assert result.returncode != 0, result.stdout
    assert f"({rule})" in result.stdout, result.stdout


def test_browser_globals_are_known(tmp_path):
    fine = tmp_path / "fine.js"
    fine.write_text("document.title = window.location.hash || localStorage.getItem('k');\n", encoding="utf-8")
    result = run(str(fine))
    assert result.returncode == 0, result.stdout
