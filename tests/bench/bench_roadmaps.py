"""Roadmap benchmark: reading, checking and drawing the demo roadmap, and the layout on larger
DAGs; figures are ratios against parsing the same YAML alone, measured in this run."""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

from studyfolio.resources.registry import load_registry  # noqa: E402
from studyfolio.roadmaps.layout import layered_layout  # noqa: E402
from studyfolio.roadmaps.model import load_roadmap  # noqa: E402
from studyfolio.roadmaps.progress import measure  # noqa: E402
from studyfolio.roadmaps.svg import drawings, render_svg  # noqa: E402
from studyfolio.srs.log import LogRead  # noqa: E402


def best_of(function, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def random_dag(count: int, edges: int, seed: int):
    rng = random.Random(seed)
    names = [f"t{i}" for i in range(count)]
    pairs = {(names[a], names[b]) for a, b in (sorted(rng.sample(range(count), 2)) for _ in range(edges))}
    return names, sorted(pairs), {n: (150.0, 34.0) for n in names}


def main() -> int:
    path = ROOT / "content" / "roadmaps" / "math-for-ml.yml"
    registry = load_registry(str(ROOT / "content" / "resources.yml"))
    text = path.read_text()
    baseline = best_of(lambda: yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    checked = best_of(lambda: load_roadmap(str(path), registry))
    roadmap = load_roadmap(str(path), registry)
    progress = measure(roadmap, [], LogRead("reviews.jsonl"))
    drawn = best_of(lambda: [render_svg(progress, d) for d in drawings(progress)])
    print(f"demo roadmap: {len(roadmap.topics())} topics, {len(roadmap.edges())} prerequisites")
    print(f"  parse YAML only (baseline)  {baseline * 1000:8.2f} ms")
    print(f"  read and check              {checked * 1000:8.2f} ms  ({checked / baseline:5.1f}x baseline)")
    print(f"  layout and SVG              {drawn * 1000:8.2f} ms  ({drawn / baseline:5.1f}x baseline)")
    for count, edges in [(50, 80), (100, 160)]:
        nodes, pairs, sizes = random_dag(count, edges, seed=count)
        took = best_of(lambda nodes=nodes, pairs=pairs, sizes=sizes: layered_layout(nodes, pairs, sizes), repeat=3)
        print(f"layout of a random DAG, {count} nodes / {len(pairs)} edges: {took * 1000:8.1f} ms"
              f"  ({took / baseline:6.1f}x baseline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
