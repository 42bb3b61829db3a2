""".github/workflows/pages.yml: `make publish` with the site's address, output/ to GitHub Pages."""

from __future__ import annotations

import os
import subprocess

import pytest
import yaml

from sitebuild import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(workflow: dict) -> list[tuple[str, dict, dict]]:
    """(job id, job, step) for every step of every job."""
    return [(name, job, step) for name, job in workflow["jobs"].items() for step in job["steps"]]


def step_using(workflow: dict, action: str) -> tuple[str, dict, dict]:
    found = [entry for entry in steps(workflow) if entry[2].get("uses", "").startswith(action + "@")]
    assert len(found) == 1, f"one step should use {action}"
    return found[0]


def build_step(workflow: dict) -> tuple[str, dict, dict]:
    found = [entry for entry in steps(workflow) if "make publish" in entry[2].get("run", "")]
    assert len(found) == 1, "one step should run make publish"
    return found[0]


def test_runs_on_push_to_main_and_by_hand(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    assert workflow["concurrency"]["group"] == "pages"


def test_builds_with_make_publish_and_the_site_address(workflow):
    job_id, job, step = build_step(workflow)
    env = {**workflow.get("env", {}), **job.get("env", {}), **step.get("env", {})}
    assert env["STUDYFOLIO_SITEURL"] == "${{ vars.STUDYFOLIO_SITEURL }}"
    _, setup_job, setup = step_using(workflow, "actions/setup-python")
    assert setup_job is job
    assert setup["with"]["python-version"] == "3.11"  # a string: 3.11 unquoted is a float
    names = [entry[2].get("uses", entry[2].get("run")) for entry in steps(workflow) if entry[0] == job_id]
    assert names.index(setup["uses"]) < names.index(step["run"])
    assert names[0].startswith("actions/checkout@")


def test_uploads_output_and_deploys_it(workflow):
    build_id, _, build = build_step(workflow)
    upload_id, _, upload = step_using(workflow, "actions/upload-pages-artifact")
    assert upload_id == build_id
    assert upload["with"]["path"].rstrip("/") == "output"
    build_steps = workflow["jobs"][build_id]["steps"]
    assert build_steps.index(build) < build_steps.index(upload)

    deploy_id, deploy_job, _ = step_using(workflow, "actions/deploy-pages")
    needs = deploy_job["needs"]
    assert build_id in ([needs] if isinstance(needs, str) else needs)
    permissions = {**(workflow.get("permissions") or {}), **deploy_job.get("permissions", {})}
    assert permissions["pages"] == "write"
    assert permissions["id-token"] == "write"
    assert deploy_job["environment"]["name"] == "github-pages"


def test_actions_are_pinned_to_major_versions(workflow):
    for _, _, step in steps(workflow):
        if "uses" in step:
            action, _, version = step["uses"].partition("@")
            assert action.startswith("actions/"), step["uses"]
            assert version[:1] == "v" and version[1:].isdigit(), step["uses"]


@pytest.mark.parametrize("siteurl", ["", "https://learner.github.io/studyfolio"])
def test_the_build_step_needs_the_site_address(workflow, tmp_path, siteurl):
    """The step's script, run with a stand-in `make`: without the variable it stops with an
    error that says what to set, instead of building a site whose links point nowhere."""
    _, _, step = build_step(workflow)
    fake = tmp_path / "make"
    fake.write_text('#!/bin/sh\necho "make $* SITEURL=$STUDYFOLIO_SITEURL"\n')
    fake.chmod(0o755)
    done = subprocess.run(
        ["bash", "-eo", "pipefail", "-c", step["run"]], cwd=tmp_path, capture_output=True, text=True, timeout=30,
        env={**os.environ, "PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}",
             "STUDYFOLIO_SITEURL": siteurl},
    )
    if siteurl:
        assert (done.returncode, done.stdout) == (0, f"make publish SITEURL={siteurl}\n")
    else:
        assert done.returncode == 1
        assert done.stdout.startswith("::error::Set the repository variable STUDYFOLIO_SITEURL")
        assert "make publish" not in done.stdout

