"""Build benchmark: bare Pelican vs the Studyfolio build of the same synthetic corpus.

Prints ms per page and ratios; run with `make bench` (or directly, `--notes N --repeat R`)."""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]
from cards_corpus import CARDS_PER_NOTE, card_text  # noqa: E402
from corpus import write_corpus  # noqa: E402

from sitebuild import settings_text  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

BARE = """
PATH = {content!r}
ARTICLE_PATHS = ["notes"]
TIMEZONE = "UTC"
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""



def run(settings: Path, output: Path, touch: Path | None = None) -> dict:
    """CPU seconds of Pelican builds in a fresh process (see build_timer.py): CPU time does
    not change when other programs share the machine; interpreter start-up is left out."""
    command = [sys.executable, str(HERE / "build_timer.py"), str(settings), str(output)]
    if touch:
        command += ["--touch", str(touch)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"build failed:\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--per-plugin", action="store_true",
                        help="also build once without each plugin and print what each one costs")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        content = write_corpus(tmp / "content", args.notes, extra=card_text)
        cache = tmp / "cache"
        settings = {}
        texts = {
            "bare": BARE.format(content=str(content)),
            "fresh": settings_text(content, cache=cache),
            "warm": settings_text(content, cache=cache, warm=True),
            # the same build without the flashcards plugin, to measure its share
            "nocards": settings_text(content, cache=cache, without="studyfolio.flashcards"),
            # and without the search index (Pagefind, a separate multi-threaded program)
            "nosearch": settings_text(content, cache=cache) + "STUDYFOLIO_SEARCH = False\n",
        }
        for name, text in texts.items():
            settings[name] = tmp / f"{name}conf.py"
            settings[name].write_text(text)

        times = {name: [] for name in texts}
        walls = {"bare": [], "fresh": []}
        touched = content / "notes" / "note-0000.md"
        for _ in range(args.repeat):
            for name, output in (("bare", "out-bare"), ("fresh", "out-sf")):
                result = run(settings[name], tmp / output)
                times[name].append(result["first"])
                walls[name].append(result["first_wall"])
            times["warm"].append(run(settings["warm"], tmp / "out-sf", touch=touched)["rebuild"])
            times["nocards"].append(run(settings["nocards"], tmp / "out-nocards")["first"])
            times["nosearch"].append(run(settings["nosearch"], tmp / "out-nosearch")["first"])

    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"corpus: {args.notes} notes of ~600 words and {CARDS_PER_NOTE} cards; median of {args.repeat} runs each;"
          " CPU seconds of Pelican's run, in-process as `make serve` rebuilds")
    for name, label in (("bare", "bare Pelican (default theme, no plugins)"),
                        ("fresh", "Studyfolio, fresh build"),
                        ("warm", "Studyfolio, warm rebuild after touching one note")):
        print(f"  {label:<50} {median[name]:7.2f} s  {1000 * median[name] / args.notes:6.2f} ms/page")
    print(f"  ratio Studyfolio fresh / bare: {median['fresh'] / median['bare']:.2f}  (target <= 1.30)")
    wall = {name: statistics.median(values) for name, values in walls.items()}
    print(f"  wall-clock, fresh: bare {wall['bare']:.2f} s, Studyfolio {wall['fresh']:.2f} s,"
          f" ratio {wall['fresh'] / wall['bare']:.2f} (the search indexer uses several cores)")
    print(f"  ratio warm rebuild / fresh:    {median['warm'] / median['fresh']:.2f}  (target <= 0.30)")
    share = (median["fresh"] - median["nocards"]) / median["fresh"]
    print(f"  flashcards plugin: {median['fresh'] - median['nocards']:.2f} s,"
          f" {share:.0%} of the fresh build (same build without the plugin: {median['nocards']:.2f} s)")
    search = median["fresh"] - median["nosearch"]
    print(f"  search index: {search:.2f} s, {search / median['fresh']:.0%} of the fresh build"
          f" (without it: {median['nosearch']:.2f} s, {median['nosearch'] / median['bare']:.2f} x bare)")
    if args.per_plugin:
        print_plugin_costs(args.notes, median)


def print_plugin_costs(notes: int, median: dict) -> None:
    """One build without each plugin (core stays: the others build on it): what the fresh
    build saves without it, in seconds and as a multiple of bare Pelican's whole build."""
    sys.path.insert(0, str(ROOT))
    from pelicanconf import PLUGINS

    print(f"  cost of each plugin (fresh build minus the build without it; bare = {median['bare']:.2f} s):")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        content = write_corpus(tmp / "content", notes, extra=card_text)
        for plugin in [p for p in PLUGINS if p != "studyfolio.core"]:
            conf = tmp / "conf.py"
            conf.write_text(settings_text(content, cache=tmp / "cache", without=plugin))
            without = run(conf, tmp / "out")["first"]
            cost = median["fresh"] - without
            print(f"    {plugin:<24} {cost:6.2f} s  {cost / median['bare']:5.2f} x bare")


if __name__ == "__main__":
    main()
