"""Internal link checking on the 1,000-note bench corpus: its share of the build time.

Builds the corpus of the build bench (every note with its flashcards, so the site has its deck
pages; every note links five others and five section anchors, a few of them broken) with and
without the link checker (best of two each, CPU seconds in the build's process and wall
seconds of the whole command), then times the check alone on the output (best of three): as a
fresh build does it (every page parsed) and as a rebuild with the build cache on does it
(the same output again: pages whose bytes did not change are not parsed). Target: the check
takes at most 10% of the build.
Run with `make bench-links` or `make bench` (or directly: `--notes N`, `--no-cards`)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]
from cards_corpus import card_text  # noqa: E402
from corpus import write_corpus  # noqa: E402

from sitebuild import settings_text  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]



def anchors(count: int, cards: bool = True):
    """Links into other notes' sections; one note in fifty has a typo in one of them. Then the
    note's flashcards, as in the build bench (`cards`)."""

    def extra(index, rng) -> str:
        links = [f"[part {s}](../note-{n:04d}/#section-{s})"
                 for n, s in zip(rng.sample(range(count), 5), rng.choices([1, 2, 3], k=5), strict=True)]
        if index % 50 == 0:
            links.append(f"[a typo](../note-{(index + 1) % count:04d}/#sectoin-1)")
        text = "More: " + ", ".join(links) + "."
        return text + "\n\n" + card_text(index, rng) if cards else text

    return extra


def build(settings: Path, output: Path) -> tuple[float, float]:
    """(CPU seconds of the build in its process, wall seconds of the whole command)."""
    command = [sys.executable, str(HERE / "build_timer.py"), str(settings), str(output)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"build failed:\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])["first"], wall


def check_alone(output: Path, cache: Path, pages_file: str | None) -> tuple[float, float, int, int, int]:
    """CPU and wall seconds of the work the plugin does at `finalized`, links, problems, pages
    parsed; with `pages_file`, the pages the previous run read are kept there (loaded and
    saved each time, as a build does)."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from studyfolio.linkcheck.build import check_output
    from studyfolio.linkcheck.locate import SourceMap
    from studyfolio.linkcheck.pagecache import PageCache
    from studyfolio.linkcheck.report import diagnostics

    sources = SourceMap.load(str(cache / "linkcheck" / "sources.json"), str(output), str(ROOT))
    if pages_file:  # a first run fills the file, as the previous build would have
        first = PageCache(pages_file).load()
        check_output(str(output), "", sources, cache=first)
        first.save()
    cpu = wall = float("inf")
    for _ in range(3):  # the best of three: other programs on the machine only add time
        start, started = time.process_time(), time.perf_counter()
        pages = PageCache(pages_file).load()
        site, found = check_output(str(output), "", sources, cache=pages)
        problems = diagnostics(found, strict=False)
        pages.save()
        cpu = min(cpu, time.process_time() - start)
        wall = min(wall, time.perf_counter() - started)
    return cpu, wall, len(site.internal), len(problems), pages.parsed


def site_size(output: Path) -> tuple[int, float]:
    """HTML pages of the output and their megabytes."""
    sizes = [p.stat().st_size for p in output.rglob("*.htm*")]
    return len(sizes), sum(sizes) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--no-cards", action="store_true", help="notes without flashcards")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-internal-") as folder:
        work = Path(folder)
        content = write_corpus(work / "content", args.notes,
                               extra=anchors(args.notes, cards=not args.no_cards))
        timings = {}
        for _ in range(2):  # alternate, keep the best of two of each
            for name, without in (("with", ""), ("without", "studyfolio.linkcheck")):
                settings = work / f"{name}.py"
                settings.write_text(settings_text(content, cache=work / f"cache-{name}",
                                                  without=without))
                cpu, wall = build(settings, work / f"output-{name}")
                best = timings.get(name, (cpu, wall))
                timings[name] = (min(cpu, best[0]), min(wall, best[1]))
        output, cache = work / "output-with", work / "cache-with"
        pages, megabytes = site_size(output)
        cpu, wall, links, problems, parsed = check_alone(output, cache, None)
        kept = check_alone(output, cache, str(work / "pages.marshal"))
    (with_cpu, with_wall), (without_cpu, without_wall) = timings["with"], timings["without"]
    print(f"{args.notes} notes, {pages} pages ({megabytes:.0f} MB of HTML); {links} internal links"
          f" checked, {problems} problems reported")
    print(f"{'':32}{'CPU':>9}{'wall':>9}")
    print(f"{'build with the link checker':32}{with_cpu:8.2f}s{with_wall:8.2f}s")
    print(f"{'build without it':32}{without_cpu:8.2f}s{without_wall:8.2f}s")
    print(f"{'the internal check alone':32}{cpu:8.2f}s{wall:8.2f}s   (best of 3; {parsed} pages parsed)")
    print(f"{'  again, unchanged pages kept':32}{kept[0]:8.2f}s{kept[1]:8.2f}s   "
          f"(build cache on; {kept[4]} pages parsed)")
    print(f"{'check / build':32}{cpu / with_cpu:9.1%}{wall / with_wall:9.1%}   (target: at most 10%)")
    print(f"{'(with - without) / with':32}{(with_cpu - without_cpu) / with_cpu:9.1%}"
          f"{(with_wall - without_wall) / with_wall:9.1%}")


if __name__ == "__main__":
    main()
