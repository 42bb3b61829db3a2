"""Review page benchmark: 5,000 cards and 50,000 reviews, time from navigation to the first card.

Builds a small site for the real review page and theme, writes a synthetic cards.json (5,000
cards), and reviews.json (50,000 reviews) with review/index.json and review/cards-N.json
(through the plugin's own writers, the states replayed with the `fsrs` package), serves it on
127.0.0.1 and opens /review/ in headless Chromium, each run in a fresh context (cold cache).
"First card on screen" is the review page's first contentful paint: its scripts hold the first paint
until they have put the first card in the page (`blocking="render"`, checked by
tests/srs/test_review_index.py), so that paint shows it. The moment the card is in the page (the page's mark in the
animation frame that paints it, what earlier versions of this benchmark reported) is printed too.
The baseline, measured in the same runs, is the first paint of a plain note page of the same site
(what any page costs on this machine). Also prints the gzipped size of the review page's own JS and CSS
(with the inline script at the top of review.html's head).

Run with `make bench`, or directly: `python tests/bench/bench_review.py --runs 9`."""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import random
import statistics
import sys
import tempfile
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from lxml import html as lxml_html

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "plugins")]

from chromium import launch  # noqa: E402

from sitebuild import build_site, settings_text  # noqa: E402
from studyfolio.srs.exchange import history_json  # noqa: E402
from studyfolio.srs.log import Review  # noqa: E402
from studyfolio.srs.progress import Progress  # noqa: E402
from studyfolio.srs.queue import review_files  # noqa: E402
from studyfolio.srs.scheduler import SchedulerConfig  # noqa: E402

TARGET_MS = 150
TARGET_KB = 30
# The review page's own code: its script bundle (FSRS, the review log, the page) and its part of the
# site's one stylesheet. The page also loads what every page loads (PAGE_FILES, printed apart).
OWN_FILES = ("theme/js/review-page.js", "theme/css/review.css")
PAGE_FILES = ("review/index.html", "theme/css/studyfolio.css", "theme/js/site.js", "theme/js/review-page.js",
              "review/cards-0.json")
NOW = datetime(2026, 10, 1, 10, 0, tzinfo=UTC)

def synthetic_cards(count: int, notes: int, rng: random.Random) -> list[dict]:
    """Cards shaped like the flashcards plugin's, with answers of a few sentences and some math."""
    words = ("mean variance vector matrix gradient slope error sample prior likelihood rank basis"
             " eigenvalue projection derivative chain layer weight bias spread").split()
    cards = []
    for index in range(count):
        note = f"note-{index % notes:03d}"
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(12, 40)))
        math = '<math><mi>x</mi><mo>=</mo><mfrac><mi>a</mi><mi>b</mi></mfrac></math>' if index % 5 == 0 else ""
        cards.append({
            "id": f"{note}-{index:08x}",
            "note": {"slug": note, "title": f"Note {index % notes}", "url": f"notes/{note}/"},
            "question": f"<p>What does the {rng.choice(words)} of a {rng.choice(words)} tell you? {math}</p>",
            "answer": f"<p>{sentence.capitalize()}.</p>",
            "level": rng.choice(("easy", "medium", "hard", None)),
            "tags": sorted(rng.sample(words, 2)),
            "video_url": None,
            "cloze": None,
            "kind": "basic",
        })
    return cards


def synthetic_reviews(cards: list[dict], total: int, rng: random.Random) -> list[Review]:
    """`total` reviews over 80% of the cards, over the two years before NOW."""
    studied = [card["id"] for card in cards[: int(len(cards) * 0.8)]]
    reviews = []
    per_card, extra = divmod(total, len(studied))
    for position, card_id in enumerate(studied):
        at = NOW - timedelta(days=730) + timedelta(seconds=rng.randrange(0, 86400 * 200))
        for _ in range(per_card + (1 if position < extra else 0)):
            reviews.append(Review(card_id, at, rng.choices((1, 2, 3, 4), (1, 2, 6, 1))[0], rng.randint(800, 20000)))
            at += timedelta(seconds=rng.choice((60, 600, 86400 * rng.randint(1, 40))))
    return reviews


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def own_size_kb(output: Path) -> tuple[float, dict]:
    sizes = {name: gzipped((output / name).read_bytes()) for name in OWN_FILES}
    page = lxml_html.fromstring((output / "review/index.html").read_bytes())
    inline = "".join(script.text or "" for script in page.find("head").iter("script") if not script.get("src"))
    sizes["review.html (inline script)"] = gzipped(inline.encode())
    return sum(sizes.values()) / 1024, sizes


def page_size_kb(output: Path) -> tuple[float, dict]:
    sizes = {name: gzipped((output / name).read_bytes()) for name in PAGE_FILES}
    return sum(sizes.values()) / 1024, sizes


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # a run closes its page while cards.json or reviews.json may still be on their way
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(folder: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format, *args):  # noqa: A002 - the base class's name
            pass

    server = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def measure(base: str, runs: int) -> dict[str, list[float]]:
    """Per run: the card in the page (the mark as the frame that shows it starts), the arrival of
    the JSON it waited for, the review page's first contentful paint (the card on screen) and a
    plain note page's."""
    from playwright.sync_api import sync_playwright

    found: dict[str, list[float]] = {"ready": [], "fcp": [], "data": [], "note": []}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for run in range(runs + 1):  # the first run warms the browser up and is not counted
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + "/notes/one/")
            page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0")
            note = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
            context.close()
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + "/review/")
            page.wait_for_function(
                "performance.getEntriesByName('studyfolio-review-ready').length > 0"
                " && performance.getEntriesByName('first-contentful-paint').length > 0", timeout=30000
            )
            assert page.is_visible("[data-question]"), "no card was shown"
            ready, fcp, data = page.evaluate(
                "(() => { const at = (name) => performance.getEntriesByName(name)[0].startTime;"
                " const ready = at('studyfolio-review-ready');"
                " return [ready, at('first-contentful-paint'),"
                " Math.max(0, ...performance.getEntriesByType('resource')"
                ".filter(r => r.name.endsWith('.json') && r.responseEnd <= ready).map(r => r.responseEnd))]; })()"
            )
            context.close()
            if run:
                for key, value in (("ready", ready), ("fcp", fcp), ("data", data), ("note", note)):
                    found[key].append(value)
        browser.close()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--reviews", type=int, default=50000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(4)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        content = tmp / "content" / "notes"
        content.mkdir(parents=True)
        (content / "one.md").write_text("Title: One note\nDate: 2026-09-01\n\nA note so the site has a page.\n")
        settings = tmp / "benchconf.py"
        settings.write_text(settings_text(tmp / "content"))
        build = build_site(settings, tmp / "output", cwd=tmp)
        if build.returncode != 0:
            print(build.log)
            return 1
        cards = synthetic_cards(args.cards, max(1, args.cards // 10), rng)
        reviews = synthetic_reviews(cards, args.reviews, rng)
        document = {"format": "studyfolio-cards", "version": 1, "cards": cards}
        (build.output / "cards.json").write_text(json.dumps(document, ensure_ascii=False))
        config = SchedulerConfig()
        (build.output / "reviews.json").write_text(history_json(reviews, config))
        states = Progress.build([], reviews, config).states
        for name, text in review_files(cards, states, config).items():
            (build.output / name).write_text(text)
        data_mb = sum((build.output / name).stat().st_size for name in ("cards.json", "reviews.json")) / 1e6
        first_kb = (build.output / "review" / "cards-0.json").stat().st_size / 1e3
        size, sizes = own_size_kb(build.output)
        page_size, page_sizes = page_size_kb(build.output)
        server, base = serve(build.output)
        try:
            runs = measure(base, args.runs)
        finally:
            server.shutdown()
    first, fcp, data, note = (statistics.median(runs[k]) for k in ("ready", "fcp", "data", "note"))
    print(f"review page: {args.cards} cards, {len(reviews)} reviews ({data_mb:.1f} MB of JSON);"
          f" median of {args.runs} cold loads in headless Chromium")
    print(f"  navigation -> first card on screen (first contentful paint): {fcp:7.1f} ms"
          f"   (target <= {TARGET_MS} ms)   {'OK' if fcp <= TARGET_MS else 'OVER'}")
    print(f"    the card was in the page by {first:.1f} ms; the JSON it needs ({first_kb:.0f} KB:"
          f" review/cards-0.json) was received by {data:.1f} ms")
    print(f"  baseline, a plain note page's first contentful paint: {note:7.1f} ms;"
          f" first card / baseline = {fcp / note:.2f}x")
    print(f"  all runs, first card on screen (ms): {', '.join(f'{t:.0f}' for t in runs['fcp'])}")
    detail = ", ".join(f"{Path(name).name} {bytes_ / 1024:.1f} KB" for name, bytes_ in sizes.items())
    print(f"  own JS + CSS, gzipped: {size:.1f} KB (target <= {TARGET_KB} KB)"
          f"   {'OK' if size <= TARGET_KB else 'OVER'}   ({detail})")
    detail = ", ".join(f"{Path(name).name} {bytes_ / 1024:.1f} KB" for name, bytes_ in page_sizes.items())
    print(f"  everything the page loads before its first card, gzipped: {page_size:.1f} KB ({detail})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
