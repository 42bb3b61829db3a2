"""Benchmark discovery on a generated 1,000-note corpus: search index build time and size, the
bytes a first search downloads (measured in Chromium), and edit-to-reload latency with the dev
server. Each figure is printed with a ratio against a baseline measured in the same run.

    .venv/bin/python tests/bench/bench_search.py [--notes 1000] [--edits 5]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "discovery"))

from chromium import launch  # noqa: E402
from devserver_helpers import SETTINGS, DevServerProcess  # noqa: E402

from studyfolio.discovery.search import index_site  # noqa: E402

WORK = ROOT / ".bench" / "search"
AREAS = ["Linear algebra", "Statistics", "Calculus"]
LEVELS = ["Beginner", "Intermediate", "Advanced"]
WORDS = [
    "vector", "matrix", "gradient", "descent", "variance", "mean", "eigenvalue", "eigenvector",
    "rank", "basis", "span", "projection", "likelihood", "prior", "posterior", "sample",
    "estimate", "derivative", "slope", "chain", "rule", "layer", "error", "tensor",
    "transpose", "inverse", "determinant", "covariance", "regression", "residual", "convex",
    "saddle", "hessian", "jacobian", "singular", "decomposition", "component", "orthogonal",
    "norm", "distance", "probability", "distribution", "normal", "binomial", "uniform",
    "expectation", "limit", "integral", "step", "rate", "loss", "weight", "bias", "neuron",
]


def sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def write_corpus(content: Path, notes: int, seed: int = 8) -> None:
    """`notes` notes of about 450 words, with headings, math, wikilinks, tags and two cards each."""
    rng = random.Random(seed)
    folder = content / "notes"
    folder.mkdir(parents=True)
    for index in range(notes):
        slug = f"note-{index:04d}"
        links = [f"[[note-{rng.randrange(notes):04d}]]" for _ in range(3)]
        sections = []
        for part in range(4):
            paragraphs = [" ".join(sentence(rng, rng.randint(8, 16)) for _ in range(4)) for _ in range(2)]
            sections.append(f"## Part {part} of {slug}\n\n" + "\n\n".join(paragraphs))
        cards = "\n\n".join(
            f'<details class="card" id="card-{slug}-{n}" data-card-id="{slug}-{n}"><summary>'
            f"{sentence(rng, 8)[:-1]}?</summary><p>{sentence(rng, 14)}</p></details>"
            for n in range(2)
        )
        (folder / f"{slug}.md").write_text(
            f"Title: Note {index}: {rng.choice(WORDS)} and {rng.choice(WORDS)}\n"
            f"Date: 2026-01-01 {index % 24:02d}:{index % 60:02d}\n"
            f"Category: {AREAS[index % 3]}\nTags: {rng.choice(WORDS)}, {rng.choice(WORDS)}\n"
            f"Level: {LEVELS[index % 3]}\nTopics: {rng.choice(WORDS)}\n"
            f"Summary: {sentence(rng, 12)}\n\n"
            f"Related: {', '.join(links)}. A formula: $x_{index % 9}^2 + y$.\n\n"
            + "\n\n".join(sections) + "\n\n" + cards + "\n",
            encoding="utf-8",
        )


def settings_file(folder: Path) -> Path:
    path = folder / "siteconf.py"
    path.write_text(
        SETTINGS.format(
            root=str(ROOT), content=str(folder / "content"), output=str(folder / "output"),
            cache=str(folder / "cache"), theme=str(ROOT / "theme"), plugins=str(ROOT / "plugins"),
        ),
        encoding="utf-8",
    )
    return path


def pelican_build(settings: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pelican", "-s", str(settings)], cwd=settings.parent,
        capture_output=True, text=True,
    )
    if done.returncode != 0:
        raise SystemExit(done.stdout + done.stderr)
    return time.perf_counter() - started


def folder_bytes(folder: Path, suffixes: tuple[str, ...] = ()) -> int:
    return sum(
        p.stat().st_size for p in folder.rglob("*")
        if p.is_file() and (not suffixes or p.name.endswith(suffixes))
    )


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def first_search_bytes(output: Path, query: str) -> tuple[int, int]:
    """(bytes, requests) under /pagefind/ for opening search and seeing the first results."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(output))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    sizes: list[int] = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        page.goto(url + "/notes/note-0000/")
        page.on("requestfinished", lambda request: sizes.append(
            request.sizes()["responseBodySize"] if "/pagefind/" in request.url else -1
        ))
        page.keyboard.press("/")
        page.keyboard.type(query)
        page.locator("dialog .search-status", has_text="results for").wait_for(timeout=30_000)
        page.wait_for_load_state("networkidle")
        browser.close()
    server.shutdown()
    found = [size for size in sizes if size >= 0]
    return sum(found), len(found)


def edit_to_reload(folder: Path, edits: int) -> dict[str, list[float]]:
    """Seconds from saving one note to its open page showing the change: after the previous
    save's full build finished ("idle"), and while it still runs ("busy"); and the server's own
    quick and full build times."""
    from playwright.sync_api import sync_playwright

    note = folder / "content" / "notes" / "note-0500.md"
    original = note.read_text(encoding="utf-8")
    server = DevServerProcess(settings_file(folder))
    url = server.url()
    found: dict[str, list[float]] = {"idle": [], "busy": []}
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page()
            page.goto(url + "/notes/note-0500/")
            for attempt in range(2 * edits):
                mode = "idle" if attempt % 2 == 0 else "busy"
                page.wait_for_function("document.documentElement.dataset.livereload === 'connected'")
                if mode == "idle" and attempt:
                    server.wait_for(r" site built in ")  # the full build after the last save
                else:
                    time.sleep(0.3)  # the full build after the last save has started
                marker = f"Edited for the benchmark, round {attempt}."
                started = time.perf_counter()
                note.write_text(original.replace("Related:", marker + " Related:"), encoding="utf-8")
                page.locator(f"text={marker}").wait_for(timeout=30_000)
                found[mode].append(time.perf_counter() - started)
            server.wait_for(r" site built in ")
            browser.close()
    finally:
        note.write_text(original, encoding="utf-8")
        server.stop()
    for kind, pattern in (("quick", r"note-0500\.md built in ([\d.]+) s"), ("full", r"site built in ([\d.]+) s")):
        found[kind] = [float(m.group(1)) for line in server.log[1:] if (m := re.search(pattern, line))]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()

    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    write_corpus(WORK / "content", args.notes)
    print(f"corpus: {args.notes} notes, {2 * args.notes} cards, in {WORK}")

    build = pelican_build(settings_file(WORK))  # the whole build, search index included
    output = WORK / "output"
    html = folder_bytes(output, (".html",))
    started = time.perf_counter()
    pages = index_site(str(output))  # the index alone, again, on the same output
    index_seconds = time.perf_counter() - started
    bundle = output / "pagefind"
    index_bytes = folder_bytes(bundle / "index") + folder_bytes(bundle / "fragment") + folder_bytes(
        bundle / "filter"
    ) + sum(p.stat().st_size for p in bundle.glob("*.pf_meta"))
    print(f"site build (Pelican + Studyfolio, cold cache): {build:.2f} s, {html / 1e6:.1f} MB of HTML")
    print(f"search index build: {index_seconds:.2f} s for {pages} pages"
          f" ({index_seconds / build:.2f} of the site build)")
    print(f"search index size: {index_bytes / 1e6:.2f} MB (index, fragments, filters, meta;"
          f" {index_bytes / html:.2f}x the HTML); whole bundle with the browser code"
          f" {folder_bytes(bundle) / 1e6:.2f} MB")

    downloaded, requests = first_search_bytes(output, "gradient descent")
    print(f"first search ('gradient descent'): {downloaded / 1e3:.0f} kB in {requests} requests"
          f" ({downloaded / folder_bytes(bundle):.3f}x the whole bundle)")

    found = edit_to_reload(WORK, args.edits)
    idle, busy = statistics.median(found["idle"]), statistics.median(found["busy"])
    full = statistics.median(found["full"][1:] or found["full"])
    print(f"edit-to-reload, one note of {args.notes}: median {idle:.2f} s (worst {max(found['idle']):.2f} s)"
          f" over {len(found['idle'])} saves (target: at most 1 s)")
    print(f"  saved while the previous full build still ran: median {busy:.2f} s"
          f" (worst {max(found['busy']):.2f} s)")
    print(f"  the server's quick build of the note: median {statistics.median(found['quick']):.2f} s;"
          f" its full rebuild with the search index: {full:.2f} s; the reload came at"
          f" {idle / full:.2f}x of a full rebuild")
    return 0


if __name__ == "__main__":
    sys.exit(main())
