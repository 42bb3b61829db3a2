"""Hostile notes benchmark: each note shaped to make the converters slow, read alone by the
site's note reader, against the demo's largest note read in the same run.

Target: every note read (or refused at a limit) in under 1 s. The second column is what the
same shape cost before the limits (from the issue that asked for them).
Run with `make bench`, or directly: `python tests/bench/bench_hostile_notes.py [--repeat R]`."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT)]

from pelican import Pelican  # noqa: E402
from pelican.settings import read_settings  # noqa: E402

from studyfolio.core.reader import NoteReader  # noqa: E402
from studyfolio.core.unpublished import NotPublished  # noqa: E402

TARGET_S = 1.0
HEAD = "Title: Hostile\nDate: 2026-01-01\n"
NOTES = {  # name: (text, seconds it took before the limits)
    "10,000 cards": (HEAD + "\n" + "/// card | Q?\nA.\n///\n\n" * 10_000, "> 60"),
    "10,000 inline cards": (HEAD + "Cards: inline\n\n" + "".join(f"Q{i}::A{i}\n\n" for i in range(10_000)), "> 60"),
    "1,000 cards (the limit)": (HEAD + "\n" + "/// card | Q?\nA.\n///\n\n" * 1_000, "-"),
    "backticks, 1,000 inline cards": (HEAD + "Cards: inline\n\n" + "".join(f"Q `{i}` and `x`::A `{i}`\n" for i in range(1_000)), "41"),
    "5,000 unclosed ///": (HEAD + "\n" + "/// card | q\n" * 5_000, "14"),
    "5 MB note": (HEAD + "\n" + "Words and more words in a paragraph with $x^2$ math.\n\n" * 90_000, "12"),
    "lists nested 300 deep": (HEAD + "\n" + "".join("  " * i + "- item\n" for i in range(300)), "stalls"),
    "20,000 [ in a row": (HEAD + "\n" + "[" * 20_000 + "\n", "stalls"),
    "5,000 unclosed $$": (HEAD + "\n" + "$$ x\n\n" * 5_000, "3"),
    "5,000 unclosed fences": (HEAD + "\n" + "```\ncode\n" * 5_000, "-"),
    "formula 3,000 braces deep": (HEAD + "\n$$\n" + "{" * 3_000 + "x" + "}" * 3_000 + "\n$$\n", "note dropped"),
}


def reader(content: Path) -> NoteReader:
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "THEME": str(ROOT / "theme"), "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "OUTPUT_PATH": str(content.parent / "output")})
    Pelican(settings)  # the plugins add their Markdown extensions
    return NoteReader(settings)


def timed(note_reader: NoteReader, path: Path, repeat: int) -> tuple[float, str]:
    times, outcome = [], ""
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            _, metadata = note_reader.read(str(path))
            outcome = f"published, {len(metadata['diagnostics'])} problem(s)"
        except NotPublished as refused:
            outcome = "refused: " + refused.diagnostic.message.removeprefix("not published: ")
        times.append(time.perf_counter() - start)
    return statistics.median(times), outcome


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        (content / "notes").mkdir(parents=True)
        note_reader = reader(content)
        demo = max((ROOT / "content" / "notes").glob("*.md"), key=lambda p: p.stat().st_size)
        baseline, _ = timed(note_reader, demo, args.repeat)
        print(f"baseline: {demo.name} ({demo.stat().st_size / 1000:.0f} KB) read in {baseline * 1000:.0f} ms")
        print(f"{'note':28} {'before':>12} {'now':>8} {'x baseline':>11}  outcome")
        worst = 0.0
        for name, (text, before) in NOTES.items():
            path = content / "notes" / "hostile.md"
            path.write_text(text, encoding="utf-8")
            seconds, outcome = timed(note_reader, path, args.repeat)
            worst = max(worst, seconds)
            print(f"{name:28} {before + ' s' if before[0].isdigit() or before[0] == '>' else before:>12}"
                  f" {seconds:7.3f}s {seconds / baseline:10.1f}x  {outcome[:70]}")
    print(f"slowest: {worst:.3f} s (target < {TARGET_S:g} s): {'met' if worst < TARGET_S else 'MISSED'}")
    return 0 if worst < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
