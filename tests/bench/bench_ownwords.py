"""Own-words check benchmark: a 5,000-word note against 50,000 words of transcripts.

Times the whole check of one note (tokenizing the note and its sources, finding the shared
8-word runs) and, in the same run, a naive baseline that searches the joined source text for
every 8-word window of the note. Both must find the same copied words. Target: <= 50 ms.
Run with `make bench`, or directly: `python tests/bench/bench_ownwords.py [--repeat R]`."""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))
from studyfolio.ownwords.overlap import WINDOW, find_overlap, words_of_note, words_of_text  # noqa: E402

TARGET_MS = 50.0
NOTE_WORDS = 5_000
SOURCE_WORDS = 50_000
SOURCES = 4
COPIES = 12  # passages of 12 to 30 words copied from the sources into the note
COMMON = "the a of to and in is that it for on with as this be are by at we you".split()


def vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return COMMON + ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(size)]


def sentence(rng: random.Random, words: list[str]) -> str:
    # Zipf-like: common words often, so short shared phrases happen as in real prose.
    picked = [words[min(int(rng.paretovariate(1.1) * 3) - 1, len(words) - 1)] for _ in range(rng.randint(6, 18))]
    return " ".join(picked).capitalize() + rng.choice([".", ".", ",", "?", "!"])


def transcript(rng: random.Random, words: list[str], size: int) -> str:
    lines, count, second = [], 0, 0
    while count < size:
        line = " ".join(sentence(rng, words) for _ in range(rng.randint(1, 3)))
        count += len(line.split())
        second += rng.randint(5, 40)
        lines.append(f"[{second // 60:02d}:{second % 60:02d}] {line}")
    return "\n".join(lines) + "\n"


def note_text(rng: random.Random, words: list[str], sources: list[str]) -> str:
    paragraphs, count = [], 0
    source_words = [s.split() for s in sources]
    copies = set(rng.sample(range(200), COPIES))
    index = 0
    while count < NOTE_WORDS:
        if index in copies:
            chosen = rng.choice(source_words)
            start = rng.randrange(len(chosen) - 40)
            paragraph = " ".join(w for w in chosen[start : start + rng.randint(12, 30)] if not w.startswith("["))
        else:
            paragraph = " ".join(sentence(rng, words) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
        index += 1
    return "Title: Bench note\nDate: 2026-01-01\n\n" + "\n\n".join(paragraphs) + "\n"


def check(note: str, sources: list[str]):
    return find_overlap(words_of_note(note), [words_of_text(s) for s in sources])


def naive(note: str, sources: list[str]) -> set[int]:
    """The obvious way: every 8-word window of the note searched for in each joined source."""
    note_words = words_of_note(note).words
    joined = [" " + " ".join(words_of_text(s).words) + " " for s in sources]
    copied: set[int] = set()
    for start in range(len(note_words) - WINDOW + 1):
        needle = " " + " ".join(note_words[start : start + WINDOW]) + " "
        if any(needle in text for text in joined):
            copied.update(range(start, start + WINDOW))
    return copied


def timed(function, repeat: int) -> tuple[float, object]:
    samples, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = function()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(7)
    words = vocabulary(rng)
    sources = [transcript(rng, words, SOURCE_WORDS // SOURCES) for _ in range(SOURCES)]
    note = note_text(rng, words, sources)
    note_count = len(words_of_note(note).words)
    source_count = sum(len(words_of_text(s).words) for s in sources)

    fast_ms, result = timed(lambda: check(note, sources), args.repeat)
    naive_ms, naive_copied = timed(lambda: naive(note, sources), max(1, args.repeat // 5))
    fast_copied = {i for p in result.passages for i in range(p.start, p.end)}
    if fast_copied != naive_copied:
        print(f"MISMATCH: fast found {len(fast_copied)} copied words, naive {len(naive_copied)}")
        return 1

    print(f"note: {note_count} words; sources: {source_count} words in {SOURCES} transcripts")
    print(f"found: {result.copied} copied words in {len(result.passages)} passages "
          f"({result.copied_share:.1%} copied), same as the naive search")
    print(f"own-words check (hash table of 8-word windows): {fast_ms:8.1f} ms (median of {args.repeat})")
    print(f"naive baseline (substring search per window):   {naive_ms:8.1f} ms")
    print(f"speed-up: {naive_ms / fast_ms:.0f}x; target <= {TARGET_MS:.0f} ms: "
          + ("met" if fast_ms <= TARGET_MS else "MISSED"))
    return 0 if fast_ms <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
