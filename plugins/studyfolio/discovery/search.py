"""The full-text search index: Pagefind run on the finished site at `finalized`.

Pagefind (installed from the package registry with its binary) indexes the elements marked
`data-pagefind-body` and writes the index and its browser code into `output/pagefind/`, so
searching never leaves the site. The index is built beside the old one, its filter index put
in a stable order (pagefind_bundle.py), and swapped in, so an open page never sees half an
index."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable

from ..core.diagnostics import StrictModeError
from .pagefind_bundle import BundleLayoutError, stabilize
from .pages import search_enabled
from .searchable import searchable_glob

logger = logging.getLogger("studyfolio")

BUNDLE = "pagefind"
STAGING = ".pagefind-staging"


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the message says why and what to do."""


# A formula is indexed as its TeX (the <annotation> kept beside the MathML): its MathML characters
# would run together ("C=1n−1X⊤X"). Left out as well: what is interface, not the learner's text:
# permalink signs, a flashcard's badges ("Level: easy", "cloze 1"), a resource link's kind and
# "open" links, buttons, progress bars, the roadmap's mark tools and the note's source video line.
EXCLUDED = ", ".join([
    "semantics > :not(annotation)", ".headerlink", ".card-badges", ".res-link .res-kind",
    ".res-open", "button", ".progress", ".roadmap-tools", ".note-video",
])


def pagefind_program() -> list[str]:
    """Pagefind's binary, run directly when its package is installed (no second Python to
    start on every build); otherwise its launcher, whose error says what is missing."""
    try:
        from pagefind_bin import get_executable
        return [str(get_executable())]
    except (ImportError, FileNotFoundError):
        return [sys.executable, "-m", "pagefind"]


def pagefind_command(site: str, bundle: str) -> list[str]:
    """Pagefind over the parts of `site` that hold searchable pages (searchable.py)."""
    command = [
        *pagefind_program(), "--site", site, "--output-path", bundle,
        "--exclude-selectors", EXCLUDED, "--silent",
    ]
    glob = searchable_glob(site, skip=(BUNDLE, STAGING))
    return command if glob is None else [*command, "--glob", glob]


def indexed_pages(bundle: str) -> int:
    """Pages in the index, from the bundle's pagefind-entry.json."""
    with open(os.path.join(bundle, "pagefind-entry.json"), encoding="utf-8") as handle:
        entry = json.load(handle)
    return sum(language.get("page_count", 0) for language in entry.get("languages", {}).values())


def index_site(output_path: str, cancelled: Callable[[], bool] | None = None) -> int | None:
    """Index `output_path` into `output_path/pagefind/`; the number of pages indexed, or None
    when `cancelled()` turned true meanwhile (the dev server saw a newer save)."""
    site = os.path.abspath(output_path)
    staging = os.path.join(site, STAGING)
    shutil.rmtree(staging, ignore_errors=True)
    process = subprocess.Popen(
        pagefind_command(site, staging), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    while True:
        try:
            stdout, stderr = process.communicate(timeout=0.05)
            break
        except subprocess.TimeoutExpired:
            if cancelled is not None and cancelled():
                process.kill()
                process.communicate()
                shutil.rmtree(staging, ignore_errors=True)
                return None
    if process.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        lines = (stderr or stdout).strip().splitlines() or ["no output"]
        raise SearchIndexError(f"search index not built: pagefind failed: {lines[-1]}")
    try:
        stabilize(staging)
    except (BundleLayoutError, OSError, ValueError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise SearchIndexError(f"search index not built: cannot read Pagefind's output: {error}") from None
    bundle = os.path.join(site, BUNDLE)
    shutil.rmtree(bundle, ignore_errors=True)
    os.replace(staging, bundle)
    return indexed_pages(bundle)


def build_search_index(pelican) -> None:
    """finalized: index the site unless search is off or the dev server asked to wait
    (`skip_search_index`); a dev server may also stop it midway (`superseded()`)."""
    settings = pelican.settings
    if not search_enabled(settings) or getattr(pelican, "skip_search_index", False):
        return
    started = time.perf_counter()
    try:
        pages = index_site(settings["OUTPUT_PATH"], getattr(pelican, "superseded", None))
    except (SearchIndexError, OSError, ValueError) as error:
        logger.error("%s\n    hint: run `make install` to install Pagefind, then build again", error)
        if settings.get("STUDYFOLIO_STRICT"):
            raise StrictModeError(f"strict mode: {error}") from None
        return
    if pages is None:
        logger.info("Search index: left to the next build")
        return
    logger.info("Search index: %d pages in %.2f s", pages, time.perf_counter() - started)
