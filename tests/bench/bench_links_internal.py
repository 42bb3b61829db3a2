"""Internal link checking on the 1,000-note bench corpus: its share of the build time.

Builds the corpus (every note links five others, five section anchors, a few of them broken)
with and without the link checker, in CPU seconds (see build_timer.py), then times the check
alone on the output. Target: the check takes at most 10% of the build.
Run with `make bench-links` or `make bench` (or directly: `--notes N`)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

SETTINGS = """
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *
PATH = {content!r}
THEME = {root!r} + "/theme"
PLUGIN_PATHS = [{root!r} + "/plugins"]
STATIC_PATHS = []
CACHE_PATH = {cache!r}
LOAD_CONTENT_CACHE = False
"""
WITHOUT = 'PLUGINS = [p for p in PLUGINS if p != "studyfolio.linkcheck"]\n'


def anchors(count: int):
    """Links into other notes' sections; one note in fifty has a typo in one of them."""

    def extra(index, rng) -> str:
        links = [f"[part {s}](../note-{n:04d}/#section-{s})"
                 for n, s in zip(rng.sample(range(count), 5), rng.choices([1, 2, 3], k=5), strict=True)]
        if index % 50 == 0:
            links.append(f"[a typo](../note-{(index + 1) % count:04d}/#sectoin-1)")
        return "More: " + ", ".join(links) + "."

    return extra


def build(settings: Path, output: Path) -> float:
    command = [sys.executable, str(HERE / "build_timer.py"), str(settings), str(output)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"build failed:\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])["first"]


def check_alone(output: Path, cache: Path) -> tuple[float, int, int]:
    """CPU seconds of the same work the plugin does at `finalized`, links checked, problems."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from studyfolio.linkcheck.classify import offline_verdict
    from studyfolio.linkcheck.locate import SourceMap
    from studyfolio.linkcheck.report import diagnostics
    from studyfolio.linkcheck.site import SiteLinks, failures, offline_results, place

    sources = SourceMap.load(str(cache / "linkcheck" / "sources.json"), str(output), str(ROOT))
    best = float("inf")
    for _ in range(3):  # the best of three: other programs on the machine only add time
        start = time.process_time()
        site = SiteLinks.read(str(output), "", sources)
        found = site.check_internal(every=False)
        found += failures(offline_results(site.external, offline_verdict))
        problems = diagnostics(place(found, sources), strict=False)
        best = min(best, time.process_time() - start)
    return best, len(site.internal), len(problems)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-internal-") as folder:
        work = Path(folder)
        content = write_corpus(work / "content", args.notes, extra=anchors(args.notes))
        timings = {}
        for name, extra in (("with", ""), ("without", WITHOUT)):
            settings = work / f"{name}.py"
            settings.write_text(SETTINGS.format(root=str(ROOT), content=str(content),
                                                cache=str(work / f"cache-{name}")) + extra)
            timings[name] = build(settings, work / f"output-{name}")
        seconds, links, problems = check_alone(work / "output-with", work / "cache-with")
    print(f"{args.notes} notes; {links} internal links checked, {problems} problems reported")
    print(f"build with the link checker     {timings['with']:7.2f} s CPU")
    print(f"build without it                {timings['without']:7.2f} s CPU")
    share = timings["with"] - timings["without"]
    print(f"the internal check alone        {seconds:7.2f} s CPU (best of 3)")
    print(f"check / build                   {seconds / timings['with']:7.1%}   (target: at most 10%)")
    print(f"(with - without) / build        {share / timings['with']:7.1%}")


if __name__ == "__main__":
    main()
