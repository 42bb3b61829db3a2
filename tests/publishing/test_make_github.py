"""`make github`: the production build, committed by ghp-import to gh-pages and pushed.

Everything happens in a throwaway git repository made in a tmp folder from this working tree's
site files (so the Makefile as it is now is the one under test), with a bare repository as its
`origin`. No network, and this repository's own branches are never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitebuild import ROOT

MESSAGE = "Generate Pelican site"
SITEURL = "https://learner.github.io/studyfolio"  # a GitHub Pages project address
SITE_FILES = ["Makefile", "pelicanconf.py", "publishconf.py", "pyproject.toml"]
SITE_FOLDERS = ["content", "theme", "plugins"]

pytestmark = pytest.mark.skipif(
    not (shutil.which("git") and shutil.which("make")), reason="needs git and make"
)


def clean_env(tmp: Path) -> dict[str, str]:
    """The environment without anything that could steer git or make elsewhere: no GIT_* or
    MAKEFLAGS from an outer `make test`, no user or system git config, fixed identities."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GIT_", "MAKE"))
        and key not in {"MFLAGS", "GITHUB_REMOTE", "GITHUB_PAGES_BRANCH", "STUDYFOLIO_SITEURL"}
    }
    env.update({
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CEILING_DIRECTORIES": str(tmp),
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "STUDYFOLIO_SITEURL": SITEURL,
    })
    return env


def run(*command: str | Path, cwd: Path, env: dict[str, str], timeout: int = 60) -> str:
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env,
        capture_output=True, text=True, timeout=timeout,
    )
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def git(repo: Path, *args: str, env: dict[str, str]) -> str:
    return run("git", *args, cwd=repo, env=env)


def refs(repo: Path, env: dict[str, str]) -> dict[str, str]:
    lines = git(repo, "for-each-ref", "--format=%(refname) %(objectname)", env=env).splitlines()
    return dict(line.split(" ", 1) for line in lines)


def root_pages_ref() -> str | None:
    """This repository's own gh-pages branch (None when it has none): it must stay as it is."""
    done = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", "--quiet", "refs/heads/gh-pages"],
        capture_output=True, text=True, timeout=30,
    )
    return done.stdout.strip() or None


def make_github(site: Path, stamp: Path, env: dict[str, str], *extra: str) -> str:
    """`make github` in `site`, with this test run's virtualenv. STAMP points at a file newer
    than the copied pyproject.toml, so make never reinstalls anything."""
    venv = Path(sys.prefix)
    return run("make", "-C", site, "github", f"VENV={venv}", f"STAMP={stamp}", *extra,
               cwd=site, env=env, timeout=240)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A site repository whose `make github` ran once, and what it and its remote held."""
    tmp = tmp_path_factory.mktemp("ghpages")
    env = clean_env(tmp)
    root_before = root_pages_ref()

    remote = tmp / "remote.git"
    run("git", "init", "--quiet", "--bare", "--initial-branch=main", remote, cwd=tmp, env=env)

    site = tmp / "site"
    site.mkdir()
    for name in SITE_FILES:
        shutil.copy2(ROOT / name, site / name)
    for name in SITE_FOLDERS:
        shutil.copytree(ROOT / name, site / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
    stamp = tmp / "installed"
    stamp.touch()
    past = time.time() - 60
    os.utime(site / "pyproject.toml", (past, past))

    git(site, "init", "--quiet", "--initial-branch=main", env=env)
    git(site, "add", "-A", env=env)
    git(site, "commit", "--quiet", "-m", "The site's sources", env=env)
    git(site, "remote", "add", "origin", str(remote), env=env)
    assert git(site, "rev-parse", "--show-toplevel", env=env).strip() == str(site.resolve())
    site_before = refs(site, env)
    status_before = git(site, "status", "--porcelain", "--untracked-files=no", env=env)

    log = make_github(site, stamp, env)

    return {
        "tmp": tmp, "env": env, "site": site, "remote": remote, "stamp": stamp, "log": log,
        "root_before": root_before, "site_before": site_before, "site_after": refs(site, env),
        "remote_after": refs(remote, env), "status_before": status_before,
        "status_after": git(site, "status", "--porcelain", "--untracked-files=no", env=env),
    }


def test_gh_pages_holds_the_production_build(published):
    env, remote, site = published["env"], published["remote"], published["site"]
    assert list(published["remote_after"]) == ["refs/heads/gh-pages"]  # nothing else is pushed
    assert "-s publishconf.py" in published["log"]

    tree = set(git(remote, "ls-tree", "-r", "--name-only", "gh-pages", env=env).splitlines())
    output = site / "output"
    built = {path.relative_to(output).as_posix() for path in output.rglob("*") if path.is_file()}
    assert tree == built | {".nojekyll"}
    assert {"index.html", ".nojekyll", "sitemap.xml", "feeds/all.atom.xml"} <= tree
    for note in (site / "content" / "notes").glob("*.md"):
        assert f"notes/{note.stem}/index.html" in tree
    assert git(remote, "cat-file", "-s", "gh-pages:.nojekyll", env=env).strip() == "0"

    index = git(remote, "show", "gh-pages:index.html", env=env)
    assert index == (output / "index.html").read_text(encoding="utf-8")
    assert f'href="{SITEURL}/notes/' in index  # publishconf.py with STUDYFOLIO_SITEURL

    assert git(remote, "log", "-1", "--format=%s%n%cn <%ce>", "gh-pages", env=env).splitlines() == [
        MESSAGE, "Test <test@example.org>"
    ]
    assert git(remote, "rev-list", "--count", "gh-pages", env=env).strip() == "1"


def test_only_gh_pages_changes_in_the_site_repository(published):
    before, after = published["site_before"], published["site_after"]
    assert set(after) - set(before) == {"refs/heads/gh-pages", "refs/remotes/origin/gh-pages"}
    assert {ref: after[ref] for ref in before} == before  # main and the rest as they were
    assert after["refs/heads/gh-pages"] == published["remote_after"]["refs/heads/gh-pages"]
    assert published["status_after"] == published["status_before"] == ""
    env = published["env"]
    assert git(published["site"], "symbolic-ref", "HEAD", env=env).strip() == "refs/heads/main"
    assert root_pages_ref() == published["root_before"]  # this repository: untouched


def test_publishing_again_from_another_clone_keeps_the_history(published):
    """A second machine (a fresh clone) publishes, then the first one, whose idea of the remote
    gh-pages is now stale: each push builds on the branch as the remote has it. `-o publish`
    reuses the first build instead of making it again."""
    env, site, remote, stamp = (published[key] for key in ("env", "site", "remote", "stamp"))
    git(site, "push", "--quiet", "origin", "main", env=env)
    other = published["tmp"] / "other"
    run("git", "clone", "--quiet", remote, other, cwd=published["tmp"], env=env)
    os.utime(other / "pyproject.toml", (time.time() - 60,) * 2)

    make_github(other, stamp, env, "-o", "publish", f"OUTPUTDIR={site / 'output'}")
    make_github(site, stamp, env, "-o", "publish")

    history = git(remote, "rev-list", "--first-parent", "gh-pages", env=env).split()
    assert len(history) == 3
    assert history[-1] == published["remote_after"]["refs/heads/gh-pages"]
    assert git(remote, "rev-list", "--count", "gh-pages", env=env).strip() == "3"  # no merges
    assert git(remote, "diff", "--stat", history[-1], history[0], env=env) == ""  # same build
    assert refs(site, env)["refs/heads/main"] == published["site_before"]["refs/heads/main"]
    assert root_pages_ref() == published["root_before"]
