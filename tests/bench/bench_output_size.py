"""Output size benchmark: what a fresh Studyfolio build of the build bench's corpus writes.

Prints the whole output's size, the share of the deck pages and exports, and the largest
page a reader opens, /cards/; run with `make bench` (or directly, `--notes N`)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]
from cards_corpus import CARDS_PER_NOTE, card_text  # noqa: E402
from corpus import write_corpus  # noqa: E402

from sitebuild import settings_text  # noqa: E402

HERE = Path(__file__).resolve().parent
MB = 1_000_000


def size(path: Path) -> int:
    """Bytes in a file, or in every file under a folder."""
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=1000)
    args, _ = parser.parse_known_args()  # `make bench` passes every bench the same options

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        content = write_corpus(tmp / "content", args.notes, extra=card_text)
        settings = tmp / "conf.py"
        settings.write_text(settings_text(content, cache=tmp / "cache"))
        output = tmp / "out"
        command = [sys.executable, str(HERE / "build_timer.py"), str(settings), str(output)]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"build failed:\n{done.stdout}{done.stderr}")
        seconds = json.loads(done.stdout.strip().splitlines()[-1])["first_wall"]

        total = size(output)
        print(f"corpus: {args.notes} notes of ~600 words and {CARDS_PER_NOTE} cards; one fresh build"
              f" ({seconds:.0f} s wall-clock)")
        print(f"  whole output                        {total / MB:8.1f} MB")
        for label, part in (("notes/ (the note pages)", "notes"),
                            ("cards/notes/ (per-note decks)", "cards/notes"),
                            ("cards/tags/ (tag decks)", "cards/tags"),
                            ("cards/index.html (all cards)", "cards/index.html"),
                            ("cards.json", "cards.json"),
                            ("review/ (review page, card files)", "review")):
            bytes_ = size(output / part)
            print(f"  {label:<36}{bytes_ / MB:8.2f} MB  {bytes_ / total:4.0%}")


if __name__ == "__main__":
    main()
