"""Child process of bench_build.py: time Pelican builds in-process, as `make serve` rebuilds.

Usage: build_timer.py SETTINGS OUTPUT [--touch NOTE]. Prints JSON {"first": s, "rebuild": s}
in CPU seconds (child processes included), and "first_wall" in seconds of wall-clock time; with --touch, NOTE is edited after the first build and the site rebuilt by a
new Pelican instance in the same process (what the autoreload loop does)."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings


def cpu_seconds() -> float:
    """CPU time of this process and of the programs it ran (the search indexer is one)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def build(settings_path: str, output: str) -> tuple[float, float]:
    """(CPU seconds, wall-clock seconds) of one build."""
    settings = read_settings(settings_path, override={"OUTPUT_PATH": output})
    start, wall = cpu_seconds(), time.perf_counter()
    Pelican(settings).run()
    return cpu_seconds() - start, time.perf_counter() - wall


def main() -> None:
    logging.disable(logging.WARNING)
    settings_path, output = sys.argv[1], sys.argv[2]
    first, first_wall = build(settings_path, output)
    result = {"first": first, "first_wall": first_wall}
    if "--touch" in sys.argv:
        note = Path(sys.argv[sys.argv.index("--touch") + 1])
        note.write_text(note.read_text() + "\nOne more sentence after an edit.\n")
        result["rebuild"] = build(settings_path, output)[0]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
