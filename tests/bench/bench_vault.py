"""Vault-mode benchmark: the same 1,000-note corpus built as plain Studyfolio notes and as an
Obsidian vault (YAML front matter, notes in folders, `#tags` in the text, titles from file
names), in one run. Prints CPU seconds and the ratio; `make bench` runs it.

Usage: bench_vault.py [--notes N] [--repeat R]."""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]
from bench_build import run  # noqa: E402
from cards_corpus import CARDS_PER_NOTE, card_text  # noqa: E402
from corpus import write_corpus  # noqa: E402

from sitebuild import settings_text  # noqa: E402

FOLDERS = ("Algebra", "Calculus", "Statistics", "Probability", "Optimisation")
HEADER = re.compile(r"\A(?P<header>(?:[A-Za-z]+: .*\n)+)\n")


def as_vault_note(text: str) -> tuple[str, str]:
    """(vault text, file name) of a plain note: its header as YAML front matter, the title as
    the file name, one tag also written in the text."""
    header = dict(line.split(": ", 1) for line in HEADER.match(text).group("header").splitlines())
    tags = [tag.strip() for tag in header["Tags"].split(",")]
    matter = [
        "---",
        f"created: {header['Date'].split()[0]}",
        f"tags: [{', '.join(tags[1:])}]",
        f"aliases: [{header['Title']} (alias)]",
        "cssclasses: wide",
        "---",
        f"#{tags[0]}",
        "",
    ]
    body = HEADER.sub("", text, count=1)
    # links to other notes by file: in a vault they are wikilinks by name
    body = re.sub(r"\[see note (\d+)\]\(\{filename\}note-\d+\.md\)", r"[[Synthetic note \1]]", body)
    return "\n".join(matter) + body, header["Title"]


def write_vault(plain: Path, vault: Path) -> None:
    """The plain corpus under `plain`/notes, rewritten as a vault under `vault`/notes/<folder>/."""
    for index, path in enumerate(sorted((plain / "notes").glob("*.md"))):
        text, title = as_vault_note(path.read_text())
        folder = vault / "notes" / FOLDERS[index % len(FOLDERS)]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{title}.md").write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        plain = write_corpus(tmp / "plain", args.notes, extra=card_text)
        vault = tmp / "vault"
        write_vault(plain, vault)
        settings = {
            "plain": settings_text(plain, cache=tmp / "cache-plain"),
            "vault": settings_text(vault, cache=tmp / "cache-vault") + "STUDYFOLIO_OBSIDIAN = True\n",
        }
        paths = {}
        for name, text in settings.items():
            paths[name] = tmp / f"{name}conf.py"
            paths[name].write_text(text)
        times = {name: [] for name in settings}
        for _ in range(args.repeat):
            for name in settings:
                times[name].append(run(paths[name], tmp / f"out-{name}")["first"])
        pages = {name: len(list((tmp / f"out-{name}" / "notes").glob("*/index.html"))) for name in settings}
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"vault mode: {args.notes} notes of ~600 words and {CARDS_PER_NOTE} cards, median of {args.repeat}"
          " fresh builds, CPU seconds")
    print(f"  plain notes            {median['plain']:7.2f} s  ({pages['plain']} note pages)")
    print(f"  the same as a vault    {median['vault']:7.2f} s  ({pages['vault']} note pages)")
    print(f"  ratio vault / plain:   {median['vault'] / median['plain']:.2f}")


if __name__ == "__main__":
    main()
